package se.outband.messaging.inbound;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link EarlyStatusSweepTest} once more, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class EarlyStatusSweepOnPostgreSQLTest extends EarlyStatusSweepTest {
}
