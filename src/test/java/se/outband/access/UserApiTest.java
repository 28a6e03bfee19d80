package se.outband.access;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.basic;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class UserApiTest {

    private static final String PASSWORD = "en lång mening som lösenord";

    @Test
    void anAdminCreatesChangesAndDeletesAUser() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "Krisledare", "password", PASSWORD, "roles", List.of("sender", "contacts")))
                .post("/api/users").then().statusCode(201)
                .body("username", equalTo("krisledare"))
                .body("roles", containsInAnyOrder("contacts", "sender"))
                .body("passwordHash", equalTo(null));
        basic("krisledare", PASSWORD).get("/api/groups").then().statusCode(200);

        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("contacts")))
                .put("/api/users/krisledare").then().statusCode(200).body("roles", containsInAnyOrder("contacts"));
        asAdmin().delete("/api/users/krisledare").then().statusCode(204);
        basic("krisledare", PASSWORD).get("/api/groups").then().statusCode(401);

        asAdmin().get("/api/audit?size=10").then()
                .body("entries.action", hasItem("user.created"))
                .body("entries.action", hasItem("user.roles-changed"))
                .body("entries.action", hasItem("user.deleted"))
                .body("entries.details", not(hasItem(containsString(PASSWORD))));
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

    @Test
    void theLastAdminCannotBeRemoved() {
        asAdmin().delete("/api/users/admin").then().statusCode(409).body("error", containsString("administratör"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("sender")))
                .put("/api/users/admin").then().statusCode(409);
        asAdmin().get("/api/groups").then().statusCode(200);
    }
}
