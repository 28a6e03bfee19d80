package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static se.outband.TestApi.asAdmin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.TestApi;

@QuarkusTest
class AuditLogTest {

    @Test
    void entriesComeNewestFirstInPages() {
        asAdmin().contentType("text/csv").body("id,name,mobile\n800,Först,0701740680\n".getBytes()).post("/api/contacts/import");
        asAdmin().delete("/api/contacts/800").then().statusCode(204);

        List<Integer> ids = asAdmin().get("/api/audit?page=0&size=3").then().statusCode(200)
                .body("entries", hasSize(3))
                .body("total", greaterThan(2))
                .body("entries[0].action", equalTo("contact.deleted"))
                .body("entries[1].action", equalTo("contacts.imported"))
                .extract().path("entries.id");
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), () -> "newest first: " + ids);
        assertPageOneContinuesPageZero();
    }

    /** Background jobs (the scheduled backup) may write an entry between two reads; only a pair read
     * while the total stayed the same says anything about paging. */
    private static void assertPageOneContinuesPageZero() {
        for (int attempt = 0; attempt < 5; attempt++) {
            ExtractableResponse<Response> first = asAdmin().get("/api/audit?page=0&size=3").then().extract();
            ExtractableResponse<Response> second = asAdmin().get("/api/audit?page=1&size=3").then().extract();
            if (first.<Integer>path("total").equals(second.<Integer>path("total"))) {
                List<Integer> ids = first.path("entries.id");
                List<Integer> next = second.path("entries.id");
                assertTrue(next.isEmpty() || next.get(0) < ids.get(2), () -> "page 1 continues after page 0: " + ids + " then " + next);
                return;
            }
        }
        fail("the audit log kept growing while it was being read");
    }

    @Test
    void theLogCannotBeChangedThroughTheApi() {
        int id = asAdmin().get("/api/audit?size=1").then().extract().path("entries[0].id");
        asAdmin().delete("/api/audit").then().statusCode(405);
        asAdmin().delete("/api/audit/" + id).then().statusCode(404);
        asAdmin().contentType("application/json").body("{}").put("/api/audit").then().statusCode(405);
        asAdmin().contentType("application/json").body("{}").post("/api/audit").then().statusCode(405);
        asAdmin().get("/api/audit?size=500").then().body("entries.find { it.id == " + id + " }.id", equalTo(id));
    }

    /** A stranger's user name is stored as an actor: on one line, so that it cannot add an entry of its own, and read as typed. */
    @Test
    void whatAStrangerTypesAsUserNameCannotPassForAnotherEntry() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long before = TestApi.auditTotal();
        String typed = "ond" + unique + "\nadmin login.succeeded\u202Egnp.exe\u2028\u200Fx:fel";
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(typed.getBytes(StandardCharsets.UTF_8)))
                .get("/api/groups").then().statusCode(401);
        List<String> entries = TestApi.auditBy("ond" + unique + " admin login.succeededgnp.exe x", before);
        assertEquals(1, entries.size(), () -> asAdmin().get("/api/audit?size=5").asString());
        assertTrue(entries.get(0).startsWith("login.failed unknown user"), entries::toString);
    }

    /** A sign-in to the web UI is recorded with where it came from, beside the failed ones: a stolen password shows. */
    @Test
    void aSignInToTheWebUiIsRecordedWithWhereItCameFrom() {
        String username = "inloggad" + UUID.randomUUID().toString().substring(0, 8);
        TestApi.ensureUser(username, List.of(Roles.SENDER));
        long before = TestApi.auditTotal();
        TestApi.signInToUi(username, TestApi.PASSWORD);
        assertEquals(List.of("login.succeeded web, from 127.0.0.1"), TestApi.auditBy(username, before));
    }
}
