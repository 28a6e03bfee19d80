package se.outband.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import se.outband.PackagedJar;
import se.outband.TestFolders;

/**
 * A real PostgreSQL from Debian's {@code postgresql} package, in a temporary folder of its own:
 * {@code initdb} and {@code pg_ctl} as a non-root user (PostgreSQL refuses to run as root), a free
 * port on 127.0.0.1, a database and a password-checked user both named {@code outband}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "outband";
    public static final String PASSWORD = "outband-test-password";

    private final Path bin;
    private final Path folder;
    private final int port;

    private PostgresServer(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = installedBinaries();
        Path folder = Files.createTempDirectory("outband-postgres-");
        int port = PackagedJar.freePort();
        PostgresServer server = new PostgresServer(bin, folder, port);
        Files.writeString(folder.resolve("password"), PASSWORD);
        server.asOwner("chown", "-R", "postgres", folder.toString());
        server.run(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", USER,
                "--pwfile=" + folder.resolve("password"), "--auth-local=trust", "--auth-host=scram-sha-256",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        // The tests stop PostgreSQL with the machine's own clock running on: durability against a
        // lost server is PostgreSQL's business, so the tests skip the disk flushes.
        server.run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l",
                folder.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create database outband");
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("PostgreSQL started but the outband database could not be made", e);
        }
        return server;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/outband";
    }

    @Override
    public void close() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop");
            TestFolders.delete(folder);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("PostgreSQL in " + folder + " did not stop, or its folder could not be removed", e);
        }
    }

    /**
     * Whether Debian's PostgreSQL is here to start. Without it the tests that need it are skipped with how
     * to install it, unless OUTBAND_REQUIRE_POSTGRESQL=true (set by .ci/run) makes that a failure.
     */
    public static boolean available() {
        try {
            installedBinaries();
            return true;
        } catch (IllegalStateException | IOException e) {
            if (required()) {
                throw new IllegalStateException(e.getMessage() + " (OUTBAND_REQUIRE_POSTGRESQL=true)", e);
            }
            return false;
        }
    }

    public static final String MISSING = "PostgreSQL is not installed: apt-get install -y postgresql";

    private static boolean required() {
        return "true".equals(System.getenv("OUTBAND_REQUIRE_POSTGRESQL"));
    }

    /** The newest PostgreSQL Debian installed, under /usr/lib/postgresql/<major>/bin. */
    private static Path installedBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IllegalStateException(MISSING);
    }

    private void asOwner(String... command) throws IOException, InterruptedException {
        if (root()) {
            exec(List.of(command));
        }
    }

    /** Runs a PostgreSQL program, as the postgres user when the tests run as root. */
    private void run(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        exec(full);
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
