package se.outband.database;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the test run on PostgreSQL ({@code -Doutband.database.kind=postgresql}, pom.xml's second
 * surefire run): starts one PostgreSQL before Quarkus reads its settings and points the tests'
 * Outband at it, the way OUTBAND_DATABASE_URL points a packaged one.
 */
public class PostgresForTests implements LauncherSessionListener {

    private PostgresServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgresql".equals(System.getProperty("outband.database.kind"))) {
            return;
        }
        try {
            server = PostgresServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
        }
        System.setProperty("outband.database.url", server.url());
        System.setProperty("outband.database.username", PostgresServer.USER);
        System.setProperty("outband.database.password", PostgresServer.PASSWORD);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.close();
        }
    }
}
