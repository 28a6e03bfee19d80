package se.outband.contacts;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.asAdmin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** dryRun=1 once meant "for real" and emptied the list; only true and false are yes and no now. */
@QuarkusTest
class StrictYesNoTest {

    @Test
    void anythingButTrueOrFalseIsRefusedAndChangesNothing() {
        String suffix = Long.toString(System.nanoTime());
        asAdmin().contentType(ContentType.JSON).body(Map.of("id", "yn-" + suffix, "name", "Ja Nej", "mobile", "070-174 06 05"))
                .post("/api/contacts").then().statusCode(201);
        int before = asAdmin().get("/api/contacts").then().extract().jsonPath().getList("$").size();
        byte[] oneRow = "id,name,mobile\nyn-only,Ensam Rad,070-174 06 06\n".getBytes(StandardCharsets.UTF_8);
        for (String value : List.of("1", "yes", "on", "ture", "TRUE ", "")) {
            asAdmin().contentType("text/csv").body(oneRow).queryParam("mode", "replace").queryParam("dryRun", value)
                    .post("/api/contacts/import").then().statusCode(400)
                    .body("error", containsString("skriv true eller false"));
        }
        // A misspelt or repeated parameter is not ignored: the import would otherwise run for real.
        for (String query : List.of("mode=replace&dryrun=true", "mode=replace&DryRun=true", "mode=replace&dry_run=true",
                "mode=replace&mode=merge&dryRun=true", "mode=replace&dryRun=true&dryRun=false")) {
            asAdmin().urlEncodingEnabled(false).contentType("text/csv").body(oneRow).post("/api/contacts/import?" + query)
                    .then().statusCode(400).body("error", containsString("Ingenting har ändrats"));
        }
        asAdmin().contentType(ContentType.JSON).queryParam("dryrun", "true")
                .body(Map.of("text", "Test", "contactIds", List.of("yn-" + suffix))).post("/api/bulletins").then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).queryParam("dryRun", "1")
                .body(Map.of("text", "Test", "contactIds", List.of("yn-" + suffix))).post("/api/bulletins").then().statusCode(400);
        assertEquals(before, asAdmin().get("/api/contacts").then().extract().jsonPath().getList("$").size());
        asAdmin().get("/api/contacts/yn-" + suffix).then().statusCode(200);
        asAdmin().contentType("text/csv").body(oneRow).queryParam("mode", "merge").queryParam("dryRun", "true")
                .post("/api/contacts/import").then().statusCode(200).body("created", org.hamcrest.Matchers.equalTo(1));
    }
}
