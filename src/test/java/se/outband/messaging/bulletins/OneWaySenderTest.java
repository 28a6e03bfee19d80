package se.outband.messaging.bulletins;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.MessagingTestSupport;

/** What is sent is checked, not what was typed: its length, and whether anyone can answer it. */
@QuarkusTest
@TestProfile(OneWaySenderTest.AlphanumericSender.class)
public class OneWaySenderTest {

    /** Sweden allows an alphanumeric sender id such as "Kommunen"; nobody can reply to it. */
    public static class AlphanumericSender implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outband.sms.twilio.from", "Kommunen");
        }
    }

    private static int bulletins() {
        return asAdmin().get("/api/bulletins?limit=500").then().extract().jsonPath().getList("$").size();
    }

    @Test
    void replyOptionsAreRefusedWhenTheSenderCannotTakeRepliesAndTheFormSaysWhy() {
        replaceContacts(MessagingTestSupport.CONTACTS);
        int before = bulletins();
        for (String dryRun : List.of("true", "false")) {
            as(Roles.SENDER).contentType(ContentType.JSON).queryParam("dryRun", dryRun)
                    .body(Map.of("text", "Kan du komma?", "contactIds", List.of("m1"), "replyOptions", List.of("JA", "NEJ")))
                    .post("/api/bulletins").then().statusCode(400)
                    .body("error", containsString("\"Kommunen\""))
                    .body("error", containsString("OUTBAND_SMS_TWILIO_MESSAGING_SERVICE_SID"));
        }
        assertEquals(before, bulletins(), "nothing stored");
        // By email people answer by mail; and without options the SMS goes as usual.
        as(Roles.SENDER).contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body(Map.of("text", "Kan du komma?", "contactIds", List.of("m1"), "channels", "email", "replyOptions", List.of("JA")))
                .post("/api/bulletins").then().statusCode(200);
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", "Läget just nu: se statussidan.", "contactIds", List.of("m1")))
                .post("/api/bulletins").then().statusCode(201);

        Map<String, String> cookies = TestApi.signInToUi("one-way-sender", List.of(Roles.SENDER));
        io.restassured.RestAssured.given().cookies(cookies).get("/app/bulletins/new").then().statusCode(200)
                .body(containsString("id=\"replies-impossible\""))
                .body(org.hamcrest.Matchers.not(containsString("id=\"replyOptions\"")));
    }

    @Test
    void theComposedMessageMustFitNotOnlyTheTypedText() {
        replaceContacts(MessagingTestSupport.CONTACTS);
        int before = bulletins();
        String typed = "x".repeat(1595);
        as(Roles.SENDER).contentType(ContentType.JSON).queryParam("dryRun", "true")
                .body(Map.of("text", typed, "contactIds", List.of("m1"))).post("/api/bulletins").then().statusCode(200);
        for (String dryRun : List.of("true", "false")) {
            as(Roles.SENDER).contentType(ContentType.JSON).queryParam("dryRun", dryRun)
                    .body(Map.of("text", typed, "contactIds", List.of("m1"), "drill", true)).post("/api/bulletins").then()
                    .statusCode(400).body("error", containsString("1603 tecken"));
        }
        assertEquals(before, bulletins());
    }
}
