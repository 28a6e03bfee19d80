package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static se.outband.TestApi.asAdmin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class TokenTest {

    private static ExtractableResponse<Response> create(String name, List<String> roles) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", name, "roles", roles))
                .post("/api/tokens").then().statusCode(201)
                .body("id", notNullValue())
                .body("token", startsWith("ob_"))
                .extract();
    }

    @Test
    void aTokenWorksWithItsRolesUntilRevoked() {
        ExtractableResponse<Response> created = create("HR-systemets export", List.of(Roles.CONTACTS));
        String token = created.path("token");
        int id = created.path("id");

        given().auth().oauth2(token).get("/api/groups").then().statusCode(200);
        given().auth().oauth2(token).get("/api/users").then().statusCode(403);

        asAdmin().get("/api/tokens").then().statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo("HR-systemets export"))
                .body("find { it.id == " + id + " }.revokedAt", nullValue())
                .body("token", not(hasItem(token)));

        asAdmin().delete("/api/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/groups").then().statusCode(401);
        asAdmin().get("/api/tokens").then().body("find { it.id == " + id + " }.revokedAt", notNullValue());
        asAdmin().get("/api/audit?size=10").then()
                .body("entries.action", hasItem("token.created"))
                .body("entries.action", hasItem("token.revoked"));
    }

    @Test
    void theTokenNameIsTheActorInTheAuditLog() {
        String token = create("lönesystem", List.of(Roles.CONTACTS)).path("token");
        given().auth().oauth2(token).contentType("text/csv").body("id,name,mobile\n700,Via Token,0701740670\n".getBytes())
                .post("/api/contacts/import").then().statusCode(200);
        asAdmin().get("/api/audit?size=5").then()
                .body("entries.find { it.action == 'contacts.imported' }.actor", equalTo("token:lönesystem"));
    }

    @Test
    void anInventedTokenIs401() {
        given().auth().oauth2("ob_invented").get("/api/groups").then().statusCode(401);
    }

    @Test
    void aTokenNeedsANameAndKnownRoles() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "", "roles", List.of(Roles.SENDER)))
                .post("/api/tokens").then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("superuser")))
                .post("/api/tokens").then().statusCode(400);
    }
}
