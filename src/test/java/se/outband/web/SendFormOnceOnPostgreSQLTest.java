package se.outband.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link SendFormOnceTest} once more, on a real PostgreSQL, which several instances share. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class SendFormOnceOnPostgreSQLTest extends SendFormOnceTest {
}
