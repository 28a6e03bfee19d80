package se.outband.database;

import java.lang.annotation.Annotation;
import java.util.Arrays;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Where PostgreSQL is not installed, leaves out the tests that run on it ({@link OnPostgreSQL}) and says
 * why, or fails with OUTBAND_REQUIRE_POSTGRESQL=true. For the benchmarks' run on PostgreSQL
 * ({@code -Doutband.database.kind=postgresql}, pom.xml's second surefire run, only with -Pbenchmark): starts one
 * PostgreSQL before Quarkus reads its settings and points the tests' Outband at it, the way
 * OUTBAND_DATABASE_URL points a packaged one; without PostgreSQL, that run runs nothing.
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

    /** Nothing of the PostgreSQL run, and no test class on PostgreSQL, is run without PostgreSQL. */
    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (missing || onPostgreSQL(descriptor) && !PostgresServer.available()) {
            return FilterResult.excluded(PostgresServer.MISSING);
        }
        return FilterResult.included("PostgreSQL is here, or not needed");
    }

    /** By names: Quarkus may have loaded the test class, and so its annotations, with a class loader of its own. */
    private static boolean onPostgreSQL(TestDescriptor descriptor) {
        return descriptor.getSource().filter(ClassSource.class::isInstance)
                .map(source -> Arrays.stream(((ClassSource) source).getJavaClass().getAnnotations()).anyMatch(PostgresForTests::isOnPostgreSQL))
                .orElse(false);
    }

    private static boolean isOnPostgreSQL(Annotation annotation) {
        if (!annotation.annotationType().getName().equals("io.quarkus.test.junit.TestProfile")) {
            return false;
        }
        try {
            return ((Class<?>) annotation.annotationType().getMethod("value").invoke(annotation)).getName().equals(OnPostgreSQL.class.getName());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@TestProfile without its value()", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.close();
        }
    }
}
