package se.outband.subscriptions;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link EmailSubscriptionTest} once more, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class EmailSubscriptionOnPostgreSQLTest extends EmailSubscriptionTest {
}
