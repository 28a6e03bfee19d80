package se.outband.subscriptions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link FanOutAtOnceTest} once more, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class FanOutAtOnceOnPostgreSQLTest extends FanOutAtOnceTest {
}
