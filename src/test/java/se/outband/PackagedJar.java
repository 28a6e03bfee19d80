package se.outband;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> !process.isAlive() || given().port(port).get("/q/health/ready").statusCode() == 200);
        if (!process.isAlive()) {
            throw new IllegalStateException("Outband stopped with exit code " + process.exitValue() + ": see " + log);
        }
        return process;
    }

    /** Starts the jar without waiting: for starts that are expected to fail. */
    public static Process launch(Map<String, String> environment, Map<String, String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.stream(System.getProperty("quarkus.test.arg-line", "").split(" ")).filter(o -> o.startsWith("-")).toList());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
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
