package se.outband.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.database.OnPostgreSQL;

/** {@link ConcurrentChangesTest} once more, on a real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgreSQL.class)
class ConcurrentChangesOnPostgreSQLTest extends ConcurrentChangesTest {
}
