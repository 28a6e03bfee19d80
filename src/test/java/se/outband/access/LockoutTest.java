package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.PASSWORD;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.ensureUser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.common.TestClock;

@QuarkusTest
class LockoutTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static int login(String user, String password) {
        return given().auth().preemptive().basic(user, password).get("/api/groups").statusCode();
    }

    @Test
    void fiveFailuresLockForFifteenMinutesEvenWithTheRightPassword() {
        clock.freeze();
        ensureUser("guessed", List.of(Roles.SENDER));
        for (int i = 0; i < 4; i++) {
            given().auth().preemptive().basic("guessed", "wrong-" + i).get("/api/groups").then().statusCode(401);
        }
        given().auth().preemptive().basic("guessed", "wrong-5").get("/api/groups").then()
                .statusCode(429)
                .header("Retry-After", equalTo("900"))
                .body("error", containsString("låst i 15 minuter"));
        given().auth().preemptive().basic("guessed", PASSWORD).header("Accept-Language", "en").get("/api/groups").then()
                .statusCode(429)
                .body("error", containsString("locked for 15 minutes"));
        asAdmin().get("/api/users").then().body("find { it.username == 'guessed' }.locked", equalTo(true));

        clock.advance(Duration.ofMinutes(14));
        assertEquals(429, login("guessed", PASSWORD));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(200, login("guessed", PASSWORD));

        asAdmin().get("/api/audit?size=20").then()
                .body("entries.action", hasItem("user.locked"))
                .body("entries.findAll { it.action == 'login.failed' }.actor", hasItem("guessed"));
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        ensureUser("forgetful", List.of(Roles.SENDER));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, login("forgetful", "wrong"));
        }
        clock.advance(Duration.ofMinutes(16));
        assertEquals(401, login("forgetful", "wrong"));
        assertEquals(200, login("forgetful", PASSWORD));
    }

    @Test
    void aNewPasswordFromAnAdminLiftsTheLock() {
        ensureUser("locked-out", List.of(Roles.SENDER));
        for (int i = 0; i < 5; i++) {
            login("locked-out", "wrong");
        }
        assertEquals(429, login("locked-out", PASSWORD));
        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "a-brand-new-password"))
                .put("/api/users/locked-out").then().statusCode(200).body("locked", equalTo(false));
        assertEquals(200, login("locked-out", "a-brand-new-password"));
    }
}
