package se.outband.messaging.outbox;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link BulletinDeliveryTest} once more, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class BulletinDeliveryOnPostgreSQLTest extends BulletinDeliveryTest {
}
