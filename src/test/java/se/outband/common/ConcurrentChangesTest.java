package se.outband.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.outband.AtOnce;

/**
 * Two people (or two instances) making the same change at the same moment: one wins, the other is told
 * so in a sentence (409), never a server error. Each check read of "does it exist?" passes for both; the
 * database's constraint decides, and its refusal is answered like the check's.
 */
@QuarkusTest
class ConcurrentChangesTest {

    private static final int AT_ONCE = 6;

    @Inject
    DataSource dataSource;
    private static String token;

    /** An admin API token: passwords sent six at once from one address would meet the sign-in throttle. */
    @BeforeEach
    void adminToken() {
        if (token == null) {
            token = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "samtidiga-" + UUID.randomUUID(), "roles", List.of("admin")))
                    .post("/api/tokens").then().statusCode(201).extract().path("token");
        }
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + token);
    }

    private static List<Response> atOnce(Callable<Response> request) throws Exception {
        return AtOnce.run(Collections.nCopies(AT_ONCE, request));
    }

    private static void assertOneCreatedTheRestTold(List<Response> answers) {
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(1, Collections.frequency(statuses, 201), () -> "answers " + statuses);
        assertEquals(AT_ONCE - 1, Collections.frequency(statuses, 409), () -> "answers " + statuses);
        answers.stream().filter(a -> a.statusCode() == 409)
                .forEach(a -> assertTrue(a.jsonPath().getString("error").length() > 10, () -> "a sentence: " + a.asString()));
    }

    @Test
    void theSameUserCreatedAtOnceIsCreatedOnce() throws Exception {
        String name = "samtidig-" + UUID.randomUUID().toString().substring(0, 8);
        assertOneCreatedTheRestTold(atOnce(() -> admin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "a-long-enough-password", "roles", List.of("sender"))).post("/api/users")));
    }

    /**
     * Such a refusal is logged by Hibernate with the database's own message, which must not carry the
     * refused values: here a password hash (PostgreSQL's driver puts them in unless told not to).
     */
    @Test
    void theDatabasesRefusalNeverCarriesTheRefusedValues() throws Exception {
        String name = "avvisad-" + UUID.randomUUID().toString().substring(0, 8);
        String hash = "$2a$04$" + UUID.randomUUID().toString().replace("-", "");
        String insert = "insert into outband_user (id, username, password_hash, roles, created_at) values (?, ?, ?, 'sender', ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(insert)) {
            for (long id : List.of(-1L, -2L)) {
                statement.setLong(1, id);
                statement.setString(2, name);
                statement.setString(3, hash);
                statement.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                statement.addBatch();
            }
            SQLException refused = assertThrows(SQLException.class, statement::executeBatch);
            for (Throwable e = refused; e != null; e = e.getCause() != null ? e.getCause() : nextOf(e)) {
                assertFalse(String.valueOf(e.getMessage()).contains(hash), "the refusal carries the hash: " + e.getMessage());
            }
        }
    }

    private static Throwable nextOf(Throwable e) {
        return e instanceof SQLException sql ? sql.getNextException() : null;
    }

    @Test
    void theSameContactCreatedAtOnceIsCreatedOnce() throws Exception {
        String id = "samtidig-" + UUID.randomUUID().toString().substring(0, 8);
        assertOneCreatedTheRestTold(atOnce(() -> admin().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Samma Person", "mobile", "070-174 06 05")).post("/api/contacts")));
    }

    @Test
    void aSystemRemovedWhileAnIncidentNamesItIsNeverAServerError() throws Exception {
        for (int round = 0; round < 3; round++) {
            long system = admin().contentType(ContentType.JSON).body(Map.of("name", "Växel " + UUID.randomUUID(), "state", "down",
                    "priority", 1)).post("/api/status/services").then().statusCode(201).extract().<Number>path("id").longValue();
            Callable<Response> removed = () -> admin().delete("/api/status/services/" + system);
            Callable<Response> named = () -> admin().contentType(ContentType.JSON)
                    .body(Map.of("title", "Växeln nere", "text", "Ring mobil.", "services", List.of(system)))
                    .post("/api/status/incidents");
            for (Response answer : AtOnce.run(List.of(removed, named))) {
                assertTrue(answer.statusCode() < 500, () -> "answered " + answer.statusCode() + ": " + answer.asString());
            }
        }
    }
}
