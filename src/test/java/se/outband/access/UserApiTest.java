package se.outband.access;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.basic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.common.Language;
import se.outband.common.Refused;

@QuarkusTest
class UserApiTest {

    private static final String PASSWORD = "en lång mening som lösenord";

    @Inject
    UserService users;

    @Test
    void anAdminCreatesChangesAndDeletesAUser() {
        String name = "krisledare-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", name.toUpperCase(Locale.ROOT), "password", PASSWORD, "roles", List.of("sender", "contacts")))
                .post("/api/users").then().statusCode(201)
                .body("username", equalTo(name))
                .body("secondFactor", equalTo(false))
                .body("roles", containsInAnyOrder("contacts", "sender"))
                .body("passwordHash", equalTo(null));
        basic(name, PASSWORD).get("/api/groups").then().statusCode(200);

        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("contacts")))
                .put("/api/users/" + name).then().statusCode(200).body("roles", containsInAnyOrder("contacts"));
        asAdmin().delete("/api/users/" + name).then().statusCode(204);
        basic(name, PASSWORD).header("X-Forwarded-For", se.outband.TestApi.newAddress()).get("/api/groups").then().statusCode(401);

        asAdmin().get("/api/audit?size=10").then()
                .body("entries.action", hasItem("user.created"))
                .body("entries.action", hasItem("user.roles-changed"))
                .body("entries.action", hasItem("user.deleted"))
                .body("entries.details", not(hasItem(containsString(PASSWORD))));
    }

    /** SMS commands are obeyed only from a leader's own mobile: one number, one user, never a landline. */
    @Test
    void aLeadersMobileIsNormalisedUniqueAndEditable() {
        String name = "mobil-" + UUID.randomUUID().toString().substring(0, 8);
        String digits = String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", PASSWORD, "roles", List.of("sender"), "mobile", "0703-" + digits))
                .post("/api/users").then().statusCode(201).body("mobile", equalTo("+46703" + digits));
        assertEquals(name, users.leaderByMobile("+46703" + digits).orElseThrow().username());

        String other = "mobil2-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("username", other, "password", PASSWORD, "roles", List.of("sender"), "mobile", "+46 703 " + digits))
                .post("/api/users").then().statusCode(409).body("error", containsString("another user's mobile"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("mobile", "08-123 456 78"))
                .put("/api/users/" + name).then().statusCode(400).body("error", containsString("fast nummer"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("contacts")))
                .put("/api/users/" + name).then().statusCode(200).body("mobile", equalTo("+46703" + digits));
        assertTrue(users.leaderByMobile("+46703" + digits).isEmpty(), "only senders and admins give commands");
        asAdmin().contentType(ContentType.JSON).body(Map.of("mobile", ""))
                .put("/api/users/" + name).then().statusCode(200).body("mobile", equalTo(null));
        asAdmin().get("/api/audit?size=10").then().body("entries.action", hasItem("user.mobile-changed"));
    }

    @Test
    void badAccountsAreRefusedWithAReason() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "kort", "password", "kort", "roles", List.of("sender")))
                .post("/api/users").then().statusCode(400).body("error", containsString("minst 12 tecken"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "<script>", "password", PASSWORD, "roles", List.of("sender")))
                .post("/api/users").then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "someone", "password", PASSWORD, "roles", List.of("root")))
                .post("/api/users").then().statusCode(400).body("error", containsString("root"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", PASSWORD, "roles", List.of("admin")))
                .post("/api/users").then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body("{not json").post("/api/users").then().statusCode(400);
    }

    /**
     * Whatever other tests made admins, this one removes them all but one inside a transaction that is
     * rolled back afterwards, and then tries to remove the last.
     */
    @Test
    @TestTransaction
    void theLastAdminCannotBeRemoved() {
        users.create("spare-admin-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, List.of(Roles.ADMIN), null);
        users.list().stream()
                .filter(u -> u.roles().contains(Roles.ADMIN) && !u.username().equals("admin"))
                .forEach(u -> users.delete(u.username()));
        Refused deleting = assertThrows(Refused.class, () -> users.delete("admin"));
        assertEquals(409, deleting.status());
        assertTrue(deleting.sentence(Language.SV).contains("administratör"), deleting.sentence(Language.SV));
        Refused demoting = assertThrows(Refused.class, () -> users.update("admin", null, List.of(Roles.SENDER), null));
        assertEquals(409, demoting.status());
    }
}
