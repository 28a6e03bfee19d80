package se.outband;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded database has committed survives the process being killed (kill -9) right after.
 * H2 keeps commits in memory for half a second by default: a bulletin answered 201 in that moment
 * would be lost, and results already sent would be sent again. Uses Outband's own database URL.
 */
class DurableCommitTest {

    /** Run in a process of its own: commits one row, says so, and waits to be killed. */
    public static final class CommitThenWait {
        public static void main(String[] args) throws Exception {
            try (Connection connection = DriverManager.getConnection(args[0], "outband", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table accepted (id int primary key)");
                statement.execute("insert into accepted values (1)");
                System.out.println("committed");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }

    @Test
    void aCommitSurvivesKillDashNine(@TempDir Path dataDir) throws Exception {
        Properties settings = new Properties();
        try (InputStream in = DurableCommitTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        // The URL used when OUTBAND_DATABASE_URL names no database of its own.
        String url = settings.getProperty("quarkus.datasource.jdbc.url").replaceFirst("^\\$\\{outband\\.database\\.url:(.*)}$", "$1")
                .replace("${outband.data-dir}", dataDir.toString());
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitThenWait.class.getName(), url)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && !line.equals("committed");) {
                System.out.println(line);
            }
            writer.destroyForcibly().waitFor();
        }

        try (Connection connection = DriverManager.getConnection(url, "outband", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from accepted")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }
}
