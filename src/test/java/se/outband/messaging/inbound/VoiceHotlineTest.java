package se.outband.messaging.inbound;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.statuspage.StatusPageFixtures;

/** Calling the hotline: Twilio's signed webhook answered with TwiML that reads the status page, parsed as XML. */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class VoiceHotlineTest {

    private static final Map<String, String> CALL = Map.of("CallSid", "CA0123456789abcdef0123456789abcdef",
            "From", "+46701740605", "To", FakeProviders.SENDER_NUMBER, "CallStatus", "ringing");

    @BeforeEach
    void emptyStatusPage() {
        StatusPageFixtures.clear();
    }

    @Test
    void theHotlineReadsTheSystemsNotWorkingInRestorationOrderAndTheNewestUpdate() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        system("Lönesystemet " + unique, "down", 2);
        system("E-post <& " + unique, "restoring", 1);
        system("Webbplatsen " + unique, "operational", 3);
        long mail = as(Roles.SENDER).get("/api/status/services").then().extract().jsonPath()
                .getLong("find { it.name == 'E-post <& " + unique + "' }.id");
        long incident = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", "IT-attack", "text", "Vi utreder.", "services", List.of(mail)))
                .post("/api/status/incidents").then().statusCode(201).extract().jsonPath().getLong("id");
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", "E-posten är tillbaka i eftermiddag."))
                .post("/api/status/incidents/" + incident + "/updates").then().statusCode(201);

        Document twiml = call("/webhooks/twilio/voice", CALL);
        Element say = twiml.selectFirst("Response > Gather > Say");
        assertEquals("sv-SE", say.attr("language"));
        assertEquals("Polly.Astrid", say.attr("voice"));
        String words = say.text();
        assertTrue(words.contains("Störning: system ligger nere"), words);
        assertTrue(words.indexOf("E-post <& " + unique + ": Återställs") < words.indexOf("Lönesystemet " + unique + ": Ligger nere"),
                "restoration order: " + words);
        assertTrue(!words.contains("Webbplatsen " + unique), "only what is not working is read: " + words);
        assertTrue(words.contains("IT-attack: E-posten är tillbaka i eftermiddag."), words);
        assertTrue(words.contains("Tryck 1 för engelska") && words.contains("Tryck 9"), words);
        Element gather = twiml.selectFirst("Response > Gather");
        assertEquals("1", gather.attr("numDigits"));
        assertEquals("/webhooks/twilio/voice/menu", gather.attr("action"));

        Document english = call("/webhooks/twilio/voice/menu", Map.of("CallSid", CALL.get("CallSid"), "Digits", "1"));
        Element englishSay = english.selectFirst("Response > Gather > Say");
        assertEquals("en-GB", englishSay.attr("language"));
        assertTrue(englishSay.text().contains("Lönesystemet " + unique + ": Down"), englishSay.text());
        assertEquals("/webhooks/twilio/voice/menu/en", english.selectFirst("Gather").attr("action"));

        Document again = call("/webhooks/twilio/voice/menu/en", Map.of("CallSid", CALL.get("CallSid"), "Digits", "2"));
        assertEquals("en-GB", again.selectFirst("Gather > Say").attr("language"), "2 repeats in the same language");

        Document forward = call("/webhooks/twilio/voice/menu", Map.of("CallSid", CALL.get("CallSid"), "Digits", "9"));
        assertEquals("+46705550100", forward.selectFirst("Response > Dial").text());
    }

    @Test
    void itSaysAllWorksOnlyWhenSystemsAreListedAndAllWork() {
        String said = call("/webhooks/twilio/voice", CALL).selectFirst("Gather > Say").text();
        assertTrue(said.contains("Inga system är listade ännu."), said);
        assertFalse(said.contains("Alla system fungerar"), "nothing claims all is well before anyone listed a system: " + said);

        system("Webbplatsen " + UUID.randomUUID().toString().substring(0, 6), "operational", 1);
        said = call("/webhooks/twilio/voice", CALL).selectFirst("Gather > Say").text();
        assertTrue(said.contains("Alla system fungerar."), said);
        assertFalse(said.contains("Inga system"), said);
    }

    @Test
    void anUnsignedOrForgedCallIsRefused() {
        given().contentType("application/x-www-form-urlencoded").formParams(CALL).post("/webhooks/twilio/voice").then().statusCode(403);
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "Zm9yZ2Vk").formParams(CALL)
                .post("/webhooks/twilio/voice").then().statusCode(403);
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("Digits", "9"))
                .post("/webhooks/twilio/voice/menu").then().statusCode(403);
    }

    private static void system(String name, String state, int priority) {
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", name, "state", state, "priority", priority))
                .post("/api/status/services").then().statusCode(201);
    }

    private static Document call(String path, Map<String, String> params) {
        String xml = FakeProviders.callAsTwilio(path, params).statusCode(200).extract().asString();
        return Jsoup.parse(xml, "", Parser.xmlParser());
    }
}
