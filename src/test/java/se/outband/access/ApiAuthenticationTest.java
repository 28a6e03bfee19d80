package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ApiAuthenticationTest {

    /** Every operation under /api in the OpenAPI document, so new endpoints are covered without editing this test. */
    @SuppressWarnings("unchecked")
    private static List<String[]> apiOperations() {
        Map<String, Map<String, Object>> paths = se.outband.TestApi.asAdmin().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> {
            if (path.startsWith("/api")) {
                methods.keySet().stream()
                        .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                        .forEach(m -> operations.add(new String[] {m, path.replaceAll("\\{[^}]+}", "1")}));
            }
        });
        return operations;
    }

    @Test
    void everyApiOperationNeedsCredentials() {
        List<String[]> operations = apiOperations();
        List<String> paths = operations.stream().map(o -> o[1]).toList();
        assertTrue(paths.containsAll(List.of("/api/contacts", "/api/contacts/import", "/api/groups", "/api/users",
                "/api/tokens", "/api/audit")), () -> "OpenAPI lists " + paths);

        List<String> open = new ArrayList<>();
        for (String[] operation : operations) {
            int status = given().contentType(ContentType.JSON).body("{}").request(operation[0], operation[1]).statusCode();
            if (status != 401) {
                open.add(operation[0].toUpperCase() + " " + operation[1] + " -> " + status);
            }
        }
        assertEquals(List.of(), open, "operations answering without credentials");
    }

    @Test
    void unknownApiPathsAlsoNeedCredentials() {
        given().get("/api/no-such-thing").then().statusCode(401);
    }

    @Test
    void missingCredentialsGetAPlainMessageAndBothSchemes() {
        Response response = given().header("Accept-Language", "en").get("/api/contacts");
        response.then().statusCode(401).body("error", containsString("You need to sign in"));
        assertOffersBothSchemes(response);
        given().get("/api/contacts").then().statusCode(401).body("error", containsString("logga in"));
    }

    @Test
    void wrongPasswordIs401WithAPlainMessage() {
        Response response = given().header("X-Forwarded-For", se.outband.TestApi.newAddress())
                .auth().preemptive().basic("admin", "not-the-password").get("/api/groups");
        response.then().statusCode(401).body("error", containsString("Fel användarnamn eller lösenord"));
        assertOffersBothSchemes(response);
    }

    private static void assertOffersBothSchemes(Response response) {
        List<String> challenges = response.headers().getValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic realm=\"Outband\"")), () -> challenges.toString());
        assertTrue(challenges.contains("Bearer"), () -> challenges.toString());
    }

    @Test
    void aHostileUserNameIsRefusedAndAuditedWithoutBreakingAnything() {
        String hostile = "<script>" + "x".repeat(5000);
        given().header("X-Forwarded-For", se.outband.TestApi.newAddress())
                .auth().preemptive().basic(hostile, "whatever").get("/api/groups").then().statusCode(401)
                .body("error", containsString("Fel användarnamn"));
        se.outband.TestApi.asAdmin().get("/api/audit?size=5").then()
                .body("entries.find { it.action == 'login.failed' }.actor", org.hamcrest.Matchers.startsWith("<script>xxx"));
    }

    @Test
    void anUnknownSchemeIsRefused() {
        given().header("Authorization", "Digest username=admin").get("/api/groups").then().statusCode(401);
        given().header("Authorization", "Basic !!!not-base64").get("/api/groups").then().statusCode(401);
    }

    @Test
    void rolesLimitWhatEachUserMayDo() {
        as(Roles.SENDER).contentType("text/csv").body("id,name,mobile\n1,A,0701740605\n".getBytes())
                .post("/api/contacts/import").then().statusCode(403)
                .body("error", containsString("behörighet"));
        as(Roles.SENDER).get("/api/groups").then().statusCode(200);
        as(Roles.CONTACTS).get("/api/users").then().statusCode(403);
        as(Roles.CONTACTS).get("/api/audit").then().statusCode(403);
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("admin")))
                .post("/api/tokens").then().statusCode(403);
        as(Roles.CONTACTS).get("/api/contacts").then().statusCode(200);
    }

    /**
     * Readiness is public for load balancers, so it says UP or DOWN and why in words only: a count of
     * messages due or a time of the last send would tell anyone how much Outband is sending and when.
     * Those figures are for signed-in roles, in the health group "details".
     */
    @Test
    void healthIsOpenForLoadBalancersWhileMetricsAndTheApiDescriptionNeedASignedInRole() {
        String ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("outbox", "backups", "status-page", "bulletin-recipients",
                        "scheduled-jobs"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(ready.matches("(?s).*[0-9].*"), "no count or time in public: " + ready);
        for (String everyone : List.of("/q/health", "/q/health/live", "/q/health/started", "/q/health/well")) {
            String answer = given().get(everyone).then().statusCode(200).extract().asString();
            org.junit.jupiter.api.Assertions.assertFalse(answer.matches("(?s).*[0-9].*"), everyone + ": " + answer);
        }
        as(Roles.CONTACTS).get("/q/health/group/details").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.due", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("checks.find { it.name == 'outbox' }.data.lastResultStored", org.hamcrest.Matchers.notNullValue())
                .body("checks.find { it.name == 'status-page' }.data.newest", org.hamcrest.Matchers.notNullValue());
        for (String ops : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/health/group", "/q/health/group/details")) {
            given().redirects().follow(false).get(ops).then().statusCode(401);
        }
        String probe = "probe-" + java.util.UUID.randomUUID();
        given().get("/api/" + probe).then().statusCode(401);
        as(Roles.CONTACTS).get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(probe)));
        as(Roles.SENDER).get("/q/openapi").then().statusCode(200);
    }
}
