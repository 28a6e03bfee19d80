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
        return start(false);
    }

    /** One that will have a hot standby ({@link #standby()}): its commits are not cut short. */
    public static PostgresServer startPrimary() throws IOException, InterruptedException {
        return start(true);
    }

    private static PostgresServer start(boolean primary) throws IOException, InterruptedException {
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
        // lost server is PostgreSQL's business, so the tests skip the disk flushes. A primary whose standby
        // takes over keeps its commits whole: they are what the standby is to have.
        server.run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l",
                folder.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + (primary ? "" : " -c synchronous_commit=off") + " -c full_page_writes=off -c max_connections=200",
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

    /** Where Outband finds the primary among this server and its standby, whichever of them is the primary. */
    public String urlWith(PostgresServer standby) {
        return "jdbc:postgresql://127.0.0.1:" + port + ",127.0.0.1:" + standby.port + "/outband?targetServerType=primary";
    }

    /**
     * A hot standby of this server, streaming from it, as a failover pair is set up: a base backup taken
     * with {@code pg_basebackup -R}. Commits then wait until the standby has them (synchronous replication),
     * so a failover loses none.
     */
    public PostgresServer standby() throws IOException, InterruptedException {
        Path standbyFolder = Files.createTempDirectory("outband-postgres-standby-");
        PostgresServer standby = new PostgresServer(bin, standbyFolder, PackagedJar.freePort());
        standby.asOwner("chown", "-R", "postgres", standbyFolder.toString());
        standby.run(List.of("PGPASSWORD=" + PASSWORD), bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", USER, "-D", standbyFolder.resolve("data").toString(), "-R", "-X", "stream", "--no-sync",
                // At once: by default the backup waits for a spread checkpoint, which took a minute and a half here.
                "--checkpoint=fast");
        standby.run(bin.resolve("pg_ctl").toString(), "-D", standbyFolder.resolve("data").toString(), "-l",
                standbyFolder.resolve("server.log").toString(), "-w", "-o",
                "-p " + standby.port + " -k " + standbyFolder + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                        + " -c max_connections=200 -c hot_standby=on",
                "start");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("alter system set synchronous_standby_names = '*'");
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("The standby started but replication could not be made synchronous", e);
        }
        return standby;
    }

    /** The server dies as a machine does: no shutdown, no goodbye to its clients. */
    public void kill() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop");
    }

    /** The standby becomes the primary, as an administrator (or a managed service) promotes it after a failure. */
    public void promote() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "promote");
    }

    @Override
    public void close() {
        try {
            if (Files.exists(folder.resolve("data/postmaster.pid"))) {
                run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop");
            }
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
        run(List.of(), command);
    }

    /** The same with environment variables ({@code NAME=value}) set for the program. */
    private void run(List<String> environment, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add("env");
        full.addAll(environment);
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
