package se.outband.database;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.restassured.specification.RequestSpecification;
import se.outband.PackagedJar;
import se.outband.TestFolders;
import se.outband.benchmark.PackagedService;

/**
 * Packaged instances on one real PostgreSQL, each started by the package's own start script from a
 * copy of the package that the script first rebuilds for PostgreSQL, as an administrator's first
 * start does. Each instance has its own port, data folder, log and SMS sender name, so a fake
 * provider can tell who asked.
 */
public final class InstancesOnPostgres implements AutoCloseable {

    /** One instance: where it listens, its log and its process. */
    public record Instance(String name, int port, Path log, Process process) {
        public RequestSpecification admin() {
            return given().port(port).auth().preemptive().basic("admin", PackagedService.ADMIN_PASSWORD);
        }

        /** Its SMS sender name, as a fake provider sees it in "From". */
        String sender() {
            return senderOf(name);
        }
    }

    private static String senderOf(String name) {
        return "Outband" + name.toUpperCase();
    }

    private final Path work;
    private final PostgresServer postgres;
    /** Its hot standby, for a failover; null when there is none. */
    private final PostgresServer standby;
    private final Map<String, String> database;
    private final Path app;
    private final Map<String, String> settings;
    private final Map<String, Instance> instances = new HashMap<>();

    /** Starts PostgreSQL and rebuilds a copy of the package under {@code work}; {@code settings} are every instance's. */
    public InstancesOnPostgres(Path work, Map<String, String> settings) throws IOException, InterruptedException {
        this(work, settings, false);
    }

    /** The same, with a hot standby beside the primary when {@code withStandby}: the instances are given both. */
    InstancesOnPostgres(Path work, Map<String, String> settings, boolean withStandby) throws IOException, InterruptedException {
        Assumptions.assumeTrue(PostgresServer.available(), PostgresServer.MISSING);
        this.work = work;
        this.settings = settings;
        TestFolders.delete(work);
        Files.createDirectories(work);
        postgres = withStandby ? PostgresServer.startPrimary() : PostgresServer.start();
        standby = withStandby ? postgres.standby() : null;
        database = Map.of("OUTBAND_DATABASE_URL", standby == null ? postgres.url() : postgres.urlWith(standby),
                "OUTBAND_DATABASE_USERNAME", PostgresServer.USER, "OUTBAND_DATABASE_PASSWORD", PostgresServer.PASSWORD);
        app = packageForPostgres(database, work.resolve("rebuild.log"));
    }

    /** Starts (or starts again, on its port) the instance {@code name} without waiting for it. */
    public Instance launch(String name) throws IOException {
        Instance known = instances.get(name);
        int port = known == null ? PackagedJar.freePort() : known.port();
        Map<String, String> own = new HashMap<>(settings);
        own.putAll(Map.of(
                "quarkus.http.port", Integer.toString(port),
                "outband.public-url", "http://localhost:" + port,
                "outband.data-dir", work.resolve("data-" + name).toAbsolutePath().toString(),
                "outband.sms.twilio.from", senderOf(name)));
        Path log = work.resolve(name + ".log");
        Instance instance = new Instance(name, port, log, PackagedJar.launchScript(app, false, database, own, log));
        instances.put(name, instance);
        return instance;
    }

    /** Waits until the instance answers ready. */
    public Instance ready(Instance instance) {
        PackagedJar.awaitReady(instance.process(), instance.port(), instance.log());
        return instance;
    }

    Instance get(String name) {
        return instances.get(name);
    }

    PostgresServer primary() {
        return postgres;
    }

    PostgresServer standby() {
        return standby;
    }

    @Override
    public void close() {
        instances.values().forEach(instance -> instance.process().destroyForcibly());
        postgres.close();
        if (standby != null) {
            standby.close();
        }
    }

    /**
     * A copy of the package rebuilt for PostgreSQL by its own start script, as an administrator's first start
     * does. Made once per build and shared by every test that starts instances: a rebuild takes half a minute.
     */
    private static Path packageForPostgres(Map<String, String> database, Path log) throws IOException, InterruptedException {
        // The packaged tests run two at a time (pom.xml, failsafe's forkCount): one makes the copy, the other waits for it.
        try (FileChannel lock = FileChannel.open(Path.of("target", "quarkus-app-postgresql.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            return packageForPostgresHeld(database, log);
        }
    }

    private static Path packageForPostgresHeld(Map<String, String> database, Path log) throws IOException, InterruptedException {
        Path source = Path.of("target", "quarkus-app");
        Path copy = Path.of("target", "quarkus-app-postgresql").toAbsolutePath();
        Path stamp = copy.resolve("built-from");
        String build = Files.getLastModifiedTime(source.resolve("quarkus-run.jar")) + " "
                + Files.getLastModifiedTime(source.resolve("quarkus/quarkus-application.dat"));
        if (Files.exists(stamp) && Files.readString(stamp).equals(build)) {
            return copy;
        }
        TestFolders.delete(copy);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Process rebuild = PackagedJar.launchScript(copy, true, database, Map.of(), log);
        assertTrue(rebuild.waitFor(3, TimeUnit.MINUTES) && rebuild.exitValue() == 0, "the package was rebuilt for PostgreSQL: see " + log);
        Files.writeString(stamp, build);
        return copy;
    }
}
