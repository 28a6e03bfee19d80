package se.outband.database;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * For the test run on PostgreSQL ({@code -Doutband.database.kind=postgresql}, pom.xml's second
 * surefire run): starts one PostgreSQL before Quarkus reads its settings and points the tests'
 * Outband at it, the way OUTBAND_DATABASE_URL points a packaged one. Where PostgreSQL is not
 * installed, that run runs nothing and says why (or fails, with OUTBAND_REQUIRE_POSTGRESQL=true).
 */
public class PostgresForTests implements LauncherSessionListener, PostDiscoveryFilter {

    private static volatile boolean missing;
    private PostgresServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgresql".equals(System.getProperty("outband.database.kind"))) {
            return;
        }
        if (!PostgresServer.available()) {
            missing = true;
            System.err.println(PostgresServer.MISSING + ". The persistence tests ran on H2 only.");
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

    /** Nothing of the PostgreSQL run is run without PostgreSQL. */
    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        return missing ? FilterResult.excluded(PostgresServer.MISSING) : FilterResult.included("PostgreSQL is running");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.close();
        }
    }
}
