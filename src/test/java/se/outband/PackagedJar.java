package se.outband;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as its own process, started the
 * way deploy/ starts it: settings as environment variables or system properties, output to a log.
 */
public final class PackagedJar {

    private PackagedJar() {
    }

    /** Starts the jar and waits until readiness answers 200 on {@code port}. */
    public static Process start(int port, Map<String, String> environment, Map<String, String> properties, Path log)
            throws IOException {
        Process process = launch(environment, properties, log);
        awaitReady(process, port, log);
        return process;
    }

    /** Waits until readiness answers 200 on {@code port}; fails at once when the process stops. */
    public static void awaitReady(Process process, int port, Path log) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> !process.isAlive() || given().port(port).get("/q/health/ready").statusCode() == 200);
        if (!process.isAlive()) {
            throw new IllegalStateException("Outband stopped with exit code " + process.exitValue() + ": see " + log);
        }
    }

    /** Starts the jar without waiting: for starts that are expected to fail. */
    public static Process launch(Map<String, String> environment, Map<String, String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions());
        command.addAll(systemProperties(properties));
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        return start(command, environment, log);
    }

    /**
     * Starts the package in {@code app} with its own start script, as deploy/ does (settings as system
     * properties, the JVM options as JAVA_OPTS), without waiting; with {@code rebuild}, runs
     * {@code outband rebuild} instead of starting.
     */
    public static Process launchScript(Path app, boolean rebuild, Map<String, String> environment, Map<String, String> properties,
            Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(app.resolve("outband").toString()));
        if (rebuild) {
            command.add("rebuild");
        }
        command.addAll(systemProperties(properties));
        Map<String, String> withOptions = new HashMap<>(environment);
        withOptions.put("JAVA_OPTS", String.join(" ", jvmOptions()));
        withOptions.put("JAVA_HOME", System.getProperty("java.home"));
        return start(command, withOptions, log);
    }

    /** The shipped JVM options, as failsafe hands them to the tests of the packaged service. */
    private static List<String> jvmOptions() {
        return Arrays.stream(System.getProperty("quarkus.test.arg-line", "").split(" ")).filter(o -> o.startsWith("-")).toList();
    }

    private static List<String> systemProperties(Map<String, String> properties) {
        return properties.entrySet().stream().map(p -> "-D" + p.getKey() + "=" + p.getValue()).toList();
    }

    private static Process start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
