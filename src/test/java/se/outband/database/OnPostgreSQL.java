package se.outband.database;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The tests' Outband built for PostgreSQL and pointed at a real one that this profile starts in a temporary folder
 * ({@link PostgresServer}), as an administrator's rebuilt package is pointed at theirs. A test class runs a second
 * time on PostgreSQL as a subclass with this profile: in the same test run, so the second run costs a restart of
 * Quarkus rather than a JVM and a build of its own. Without PostgreSQL installed, those subclasses are left out and
 * say why ({@link PostgresForTests}), unless OUTBAND_REQUIRE_POSTGRESQL=true makes that a failure.
 */
public class OnPostgreSQL implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // The database kind is fixed when Quarkus builds the application: a profile may set it, a test resource may not.
        return Map.of("outband.database.kind", "postgresql", "quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** One PostgreSQL for as long as the tests on it run. */
    public static class Server implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {

        private PostgresServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = PostgresServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start PostgreSQL for the tests", e);
            }
            return Map.of("outband.database.url", server.url(), "outband.database.username", PostgresServer.USER,
                    "outband.database.password", PostgresServer.PASSWORD);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }
}
