package se.outband.messaging.outbox;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link CrashWindowTest} once more, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class CrashWindowOnPostgreSQLTest extends CrashWindowTest {
}
