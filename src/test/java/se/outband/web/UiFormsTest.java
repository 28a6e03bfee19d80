package se.outband.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.TestFolders;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.outband.TestApi;
import se.outband.access.Roles;

/** The UI's forms change what the API then shows: contacts, the status page, users. */
@QuarkusTest
class UiFormsTest {

    private static RequestSpecification signedIn(String username, List<String> roles) {
        Map<String, String> cookies = TestApi.signInToUi(username, roles);
        return given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParam("csrf", cookies.get("outband-csrf"));
    }

    @Test
    void anImportPreviewIsNotKeptLongerThanAnHour() throws Exception {
        Path uploads = TestFolders.ownFolder().resolve("test-data/uploads");
        Files.createDirectories(uploads);
        Path abandoned = Files.writeString(uploads.resolve("0123456789abcdef0123456789abcdef.csv"), "id,name,mobile\n");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        Map<String, String> cookies = TestApi.signInToUi("ui-importer", List.of(Roles.CONTACTS));
        String page = given().cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .multiPart("csrf", cookies.get("outband-csrf"))
                .multiPart("file", "personal.csv", "id,name,mobile\nu9,Ingrid Import,070-174 06 49\n".getBytes(), "text/csv")
                .post("/app/contacts/import/preview").then().statusCode(200).body(containsString("Så här blir det: 1 ny, 0 ändrade"))
                .body(containsString("Läggs till (1)")).body(containsString("Ingrid Import")).extract().asString();

        assertFalse(Files.exists(abandoned), "an upload older than an hour is removed");
        Matcher upload = Pattern.compile("name=\"upload\" value=\"([0-9a-f]{32})\"").matcher(page);
        assertTrue(upload.find(), "the confirm form names the kept file");
        assertTrue(Files.exists(uploads.resolve(upload.group(1) + ".csv")), "the preview just made is kept for its confirm step");
        TestApi.asAdmin().get("/api/contacts/u9").then().statusCode(404);
    }

    @Test
    void editingAContactInTheUiIsValidatedAndSaved() {
        TestApi.replaceContacts("id,name,mobile,groups\nu1,Ulla Ui,070-174 06 40,HR\n");
        signedIn("ui-hr", List.of(Roles.CONTACTS))
                .formParams(Map.of("name", "Ulla Ui", "mobile", "inte ett nummer", "groups", "HR"))
                .post("/app/contacts/u1").then().statusCode(200).body(containsString("inget giltigt telefonnummer"));
        TestApi.asAdmin().get("/api/contacts/u1").then().body("mobile", equalTo("+46701740640"));

        signedIn("ui-hr", List.of(Roles.CONTACTS))
                .formParams(Map.of("name", "Ulla Ui", "mobile", "070-174 06 41", "email", "ulla@example.net",
                        "groups", "HR, Krisledning", "language", "sv"))
                .post("/app/contacts/u1").then().statusCode(200).body(containsString("Sparat."));
        TestApi.asAdmin().get("/api/contacts/u1").then()
                .body("mobile", equalTo("+46701740641"))
                .body("groups", containsInAnyOrder("HR", "Krisledning"));
    }

    @Test
    void changingASystemInTheEditorChangesThePublicPage() {
        long id = TestApi.as(Roles.SENDER).contentType("application/json")
                .body(Map.of("name", "Växel", "state", "down", "priority", 1)).post("/api/status/services")
                .then().statusCode(201).extract().<Number>path("id").longValue();
        Response saved = signedIn("ui-leader", List.of(Roles.SENDER))
                .formParams(Map.of("name", "Reservväxel", "state", "operational", "priority", "1", "note", "Fungerar igen via reservväxel"))
                .post("/app/status/services/" + id);
        assertEquals(303, saved.statusCode());
        assertTrue(saved.header("Location").endsWith("/app/status?saved=true"), saved.header("Location"));
        assertTrue(signedIn("ui-leader", List.of(Roles.SENDER)).get("/app/status?saved=true").asString()
                .contains("Sparat. Den publika statussidan är uppdaterad."), "the change is confirmed on the page");
        given().get("/status/").then().body(containsString("Fungerar igen via reservväxel")).body(containsString("Reservväxel"));

        assertEquals(303, signedIn("ui-leader", List.of(Roles.SENDER))
                .formParams(Map.of("title", "Växeln ersatt", "text", "Ring reservnumret.", "services", String.valueOf(id)))
                .post("/app/status/incidents").statusCode());
        given().get("/status/").then().body(containsString("Berörda system: Reservväxel"));

        // The editor's button asks first; only the question's own button removes the system.
        signedIn("ui-leader", List.of(Roles.SENDER)).post("/app/status/services/" + id + "/delete").then().statusCode(200)
                .body(containsString("Ta bort Reservväxel?"));
        TestApi.as(Roles.SENDER).get("/api/status/services").then().body("id", hasItem((int) id));
        assertEquals(303, signedIn("ui-leader", List.of(Roles.SENDER)).formParam("confirmed", "true")
                .post("/app/status/services/" + id + "/delete").statusCode());
        TestApi.as(Roles.SENDER).get("/api/status/services").then().body("id", org.hamcrest.Matchers.not(hasItem((int) id)));
    }

    @Test
    void sendingAgainToThoseNotReachedStartsFromTheSameTextAndPeople() {
        TestApi.replaceContacts("id,name,mobile\nf1,Fia Följd,070-174 06 42\nf2,Frans Följd,070-174 06 43\n");
        long id = TestApi.as(Roles.SENDER).contentType("application/json")
                .body(Map.of("text", "Första utskicket", "contactIds", List.of("f1", "f2")))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        signedIn("ui-follower", List.of(Roles.SENDER)).get("/app/bulletins/new?from=" + id + "&who=unreached")
                .then().statusCode(200)
                .body(containsString(">Första utskicket</textarea>"))
                .body(containsString("value=\"f1\" checked> Fia Följd"))
                .body(containsString("value=\"f2\" checked> Frans Följd"));
        MessagingTestSupport.awaitNothingLeftToSend(id);
    }

    @Test
    void sendAgainIsOfferedOnlyWhileSomeoneIsNotReached() {
        TestApi.replaceContacts("id,name,mobile\nr1,Rut Räckvidd,070-174 06 46\n");
        long id = TestApi.as(Roles.SENDER).contentType("application/json")
                .body(Map.of("text", "Nådd?", "contactIds", List.of("r1")))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        RequestSpecification leader = signedIn("ui-reacher", List.of(Roles.SENDER));
        assertTrue(leader.get("/app/bulletins/" + id).asString().contains("who=unreached"), "offered while not delivered");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(TestApi.asAdmin().get("/api/bulletins/" + id + "/deliveries")
                .then().extract().path("[0].state")));
        String sid = TestApi.asAdmin().get("/api/bulletins/" + id + "/deliveries").then().extract().path("[0].providerId");
        FakeProviders.callAsTwilio("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "delivered",
                "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        String page = signedIn("ui-reacher", List.of(Roles.SENDER)).get("/app/bulletins/" + id).asString();
        assertFalse(page.contains("who=unreached"), "everyone reached: nothing to send again");
        assertFalse(page.contains("http-equiv=\"refresh\""), "nothing on its way, no replies asked for: no refreshing");
    }

    @Test
    void aPersonIsPickedByNameWithoutJavaScript() {
        TestApi.replaceContacts("id,name,mobile,unit\np1,Göran Fredriksson,070-174 06 44,Socialförvaltningen\n"
                + "p2,Greta Fredriksson,070-174 06 45,Skolan\n");
        String found = signedIn("ui-picker", List.of(Roles.SENDER))
                .formParams(Map.of("text", "Kan du ringa mig?", "find", "göran"))
                .post("/app/bulletins/pick").then().statusCode(200).extract().asString();
        assertTrue(found.contains("value=\"p1\"> Göran Fredriksson <span class=\"muted\">Socialförvaltningen · 070-174 06 44</span>"), found);
        assertFalse(found.contains("Greta"), "only who matches");
        assertTrue(found.contains(">Kan du ringa mig?</textarea>"), "the text written so far stays");
        String asYouType = signedIn("ui-picker", List.of(Roles.SENDER)).queryParam("find", "Göran").get("/app/bulletins/people")
                .then().statusCode(200).extract().asString();
        assertTrue(asYouType.trim().startsWith("<div id=\"found\"") && asYouType.contains("value=\"p1\"> Göran Fredriksson"), asYouType);
        assertTrue(signedIn("ui-picker", List.of(Roles.SENDER)).formParams(Map.of("find", "skolan"))
                .post("/app/bulletins/pick").asString().contains("value=\"p2\"> Greta Fredriksson"), "found by unit");
        assertTrue(signedIn("ui-picker", List.of(Roles.SENDER)).formParams(Map.of("find", "070 174 06 45"))
                .post("/app/bulletins/pick").asString().contains("value=\"p2\"> Greta Fredriksson"), "found by number");

        String swedish = "Återställning pågår för äldreomsorgen. ".repeat(40);
        signedIn("ui-picker", List.of(Roles.SENDER))
                .formParams(Map.of("text", swedish, "people", "p1", "channels", "sms-then-email"))
                .post("/app/bulletins/preview").then().statusCode(200).body(containsString("1 person får meddelandet"));
        signedIn("ui-picker", List.of(Roles.SENDER))
                .formParams(Map.of("text", "Kan du ringa mig?", "people", "p1", "channels", "sms-then-email"))
                .post("/app/bulletins/preview").then().statusCode(200)
                .body(containsString("1 person får meddelandet"))
                .body(containsString("Uppskattad kostnad: 0,60 SEK"))
                .body(containsString("name=\"people\" value=\"p1\""));
    }

    @Test
    void anAdminEditsAReadyTextAndItsPlaceholderMustBeFilledBeforeSending() {
        TestApi.replaceContacts("id,name,mobile\nt1,Tove Text,070-174 06 47\n");
        String unique = "Samling i [lokal] kl 9, dag " + System.nanoTime();
        assertEquals(303, signedIn("ui-texter", List.of(Roles.ADMIN)).formParams(Map.of("name", "Morgonsamling", "text", unique))
                .post("/app/templates").statusCode());
        Matcher link = Pattern.compile("name=\"template\" value=\"(\\d+)\">Morgonsamling<")
                .matcher(signedIn("ui-texter", List.of(Roles.ADMIN)).get("/app/bulletins/new").asString());
        assertTrue(link.find(), "leaders see the new ready text");
        assertTrue(signedIn("ui-texter", List.of(Roles.ADMIN)).get("/app/bulletins/new?template=" + link.group(1)).asString()
                .contains(">" + unique.replace("[", "[") + "</textarea>"), "and start from it");

        signedIn("ui-texter", List.of(Roles.ADMIN)).formParams(Map.of("text", unique, "people", "t1"))
                .post("/app/bulletins/preview").then().statusCode(200).body(containsString("Fyll i [lokal] i texten innan du skickar"));
        signedIn("ui-texter", List.of(Roles.ADMIN)).formParams(Map.of("text", unique.replace("[lokal]", "aulan"), "people", "t1"))
                .post("/app/bulletins/preview").then().statusCode(200).body(containsString("1 person får meddelandet"));
        assertTrue(signedIn("ui-texter", List.of(Roles.ADMIN)).get("/app/admin").asString().contains("lade till en färdig text"),
                "audited");
    }

    @Test
    void aNewIncidentIsPreviewedAsThePublicPageWithoutBeingPublished() {
        String title = "Förhandsvisad störning " + System.nanoTime();
        Response preview = signedIn("ui-previewer", List.of(Roles.SENDER))
                .formParams(Map.of("title", title, "text", "Växeln ligger nere sedan i morse."))
                .post("/app/status/preview/incidents");
        assertEquals(200, preview.statusCode());
        assertTrue(preview.asString().contains(title) && preview.asString().contains("FÖRHANDSGRANSKNING – inte publicerad"),
                preview.asString());
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none';"
                + " frame-ancestors 'none'", preview.header("Content-Security-Policy"), "the page's own style, still no script");
        TestApi.as(Roles.SENDER).get("/api/status/incidents").then().body("title", org.hamcrest.Matchers.not(hasItem(title)));
        given().get("/status/").then().body(org.hamcrest.Matchers.not(containsString(title)));

        long system = TestApi.as(Roles.SENDER).contentType("application/json")
                .body(Map.of("name", "Förhandssystem", "state", "down", "priority", 1)).post("/api/status/services")
                .then().statusCode(201).extract().<Number>path("id").longValue();
        String changed = signedIn("ui-previewer", List.of(Roles.SENDER))
                .formParams(Map.of("name", "Förhandssystem", "state", "operational", "priority", "1", "note", "Tillbaka " + title))
                .post("/app/status/preview/services/" + system).asString();
        assertTrue(changed.contains("Tillbaka " + title), "the system's change is shown");
        TestApi.as(Roles.SENDER).get("/api/status/services").then().body("find { it.id == " + system + " }.state", equalTo("down"));

        Response refused = signedIn("ui-previewer", List.of(Roles.SENDER)).formParams(Map.of("title", "", "text", ""))
                .post("/app/status/preview/incidents");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.contentType().startsWith("text/plain"), "a refused preview says why in its tab, not as an unusable editor");
    }

    @Test
    void anAdminChangesRolesInTheUi() {
        TestApi.ensureUser("ui-changed", List.of(Roles.SENDER));
        Response saved = signedIn("ui-admin", List.of(Roles.ADMIN))
                .formParam("roles", Roles.CONTACTS)
                .post("/app/admin/users/ui-changed");
        assertEquals(303, saved.statusCode());
        TestApi.asAdmin().get("/api/users").then().body("find { it.username == 'ui-changed' }.roles", equalTo(List.of("contacts")));
        String admin = signedIn("ui-admin", List.of(Roles.ADMIN)).get("/app/admin").asString();
        assertTrue(admin.contains("ändrade en användares roller"), "the audit log reads as sentences, not developer keys");
        assertTrue(admin.contains("<strong>sender</strong> – skicka utskick"), "each role is explained where it is chosen");
    }

    @Test
    void anAdminGivesALeaderTheMobileForSmsCommands() {
        String digits = String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        TestApi.ensureUser("ui-mobile", List.of(Roles.SENDER));
        Response saved = signedIn("ui-admin", List.of(Roles.ADMIN))
                .formParam("roles", Roles.SENDER).formParam("mobile", "0703-" + digits)
                .post("/app/admin/users/ui-mobile");
        assertEquals(303, saved.statusCode());
        TestApi.asAdmin().get("/api/users").then().body("find { it.username == 'ui-mobile' }.mobile", equalTo("+46703" + digits));
        String admin = signedIn("ui-admin", List.of(Roles.ADMIN)).get("/app/admin").asString();
        assertTrue(admin.contains("id=\"mobile-ui-mobile\" name=\"mobile\" value=\"070-3"), "shown as Swedes write it: " + admin.lines()
                .filter(l -> l.contains("mobile-ui-mobile")).toList());
        Response landline = signedIn("ui-admin", List.of(Roles.ADMIN))
                .formParam("roles", Roles.SENDER).formParam("mobile", "08-123 456 78")
                .post("/app/admin/users/ui-mobile");
        assertTrue(landline.asString().contains("fast nummer"), "a landline is refused with the reason");
    }
}
