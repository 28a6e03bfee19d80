package se.outband.messaging.bulletins;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link AudienceStoreTest} once more, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class AudienceStoreOnPostgreSQLTest extends AudienceStoreTest {
}
