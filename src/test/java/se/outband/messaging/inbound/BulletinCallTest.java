package se.outband.messaging.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.TestApi.signInToUi;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.callRequests;
import static se.outband.messaging.MessagingTestSupport.deliveries;
import static se.outband.messaging.MessagingTestSupport.delivery;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;

/**
 * Calls as a channel: people whose number takes no SMS are called through Twilio's Calls API (WireMock
 * answering as Twilio, driven by the real SDK); the call's TwiML, keypad and status reports come in
 * as Twilio's signed webhooks.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class BulletinCallTest {

    private static final String CONTACTS = """
            id,name,mobile,email,groups
            c1,Lena Landgren,08-123 456 78,,Växeln
            c2,Mona Mobil,070-174 06 20,mona@example.net,Växeln
            c3,Fredrik Fast,08-123 456 79,fredrik@example.net,Kansliet
            c4,Nils Nummer,070-174 06 21,nils@example.net,Kansliet
            """;
    private static final String LANDLINE = "+46812345678";

    @BeforeEach
    void reset() {
        replaceContacts(CONTACTS);
        FakeProviders.reset();
    }

    @Test
    void aLandlineOnlyPersonIsCalledHearsTheBulletinTwiceAndAnswersByKeypad() {
        Map<String, Object> bulletin = Map.of("text", "Växeln är nere. Samling i stadshuset kl 14.", "groups", List.of("Växeln"),
                "replyOptions", List.of("JA", "NEJ"), "drill", true);
        as(Roles.SENDER).contentType(ContentType.JSON).body(bulletin).post("/api/bulletins?dryRun=true").then().statusCode(200)
                .body("smsMessages", equalTo(1)).body("voiceCalls", equalTo(1)).body("unreachable", equalTo(0));

        long id = sendOk(bulletin);
        Map<String, String> call = awaitCalls(1).get(0);
        long callId = ((Number) delivery(deliveries(id), "c1", "voice").get("id")).longValue();
        assertEquals(LANDLINE, call.get("To"));
        assertEquals(FakeProviders.SENDER_NUMBER, call.get("From"));
        assertEquals(FakeProviders.PUBLIC_URL + "/webhooks/twilio/call/" + callId, call.get("Url"));
        assertEquals(FakeProviders.PUBLIC_URL + "/webhooks/twilio/call/status", call.get("StatusCallback"));
        assertTrue(MessagingTestSupport.smsRequests().stream().noneMatch(sms -> LANDLINE.equals(sms.get("To"))),
                "a landline gets no SMS");
        String callSid = (String) awaitDeliveries(id, inState("SENT", "DELIVERED")).stream()
                .filter(d -> "voice".equals(d.get("channel"))).findFirst().orElseThrow().get("providerId");

        Document script = twiml("/webhooks/twilio/call/" + callId, Map.of("CallSid", callSid, "CallStatus", "in-progress",
                "To", LANDLINE, "From", FakeProviders.SENDER_NUMBER));
        List<Element> says = script.select("Response > Say");
        assertTrue(says.get(0).text().startsWith("Övning."), "a drill says so first: " + says.get(0).text());
        assertTrue(says.get(0).text().endsWith("Växeln är nere. Samling i stadshuset kl 14."), says.get(0).text());
        assertTrue(says.get(1).text().contains("Växeln är nere. Samling i stadshuset kl 14."), "read twice: " + says.get(1).text());
        assertEquals("sv-SE", says.get(0).attr("language"));
        assertEquals("Polly.Astrid", says.get(0).attr("voice"));
        Element gather = script.selectFirst("Response > Gather");
        assertEquals("1", gather.attr("numDigits"));
        assertEquals("/webhooks/twilio/call/" + callId + "/keypad", gather.attr("action"));
        assertTrue(gather.text().contains("Tryck 1 för JA. Tryck 2 för NEJ."), gather.text());

        Document wrongKey = twiml(gather.attr("action"), Map.of("CallSid", callSid, "Digits", "7"));
        assertTrue(wrongKey.selectFirst("Gather").text().startsWith("Det valet finns inte."), wrongKey.outerHtml());
        assertEquals(0, tally(id).get("JA") + tally(id).get("NEJ"), "a key that is no option is no answer");

        Document answered = twiml(gather.attr("action"), Map.of("CallSid", callSid, "Digits", "1"));
        assertTrue(answered.selectFirst("Say").text().contains("JA"), answered.outerHtml());
        assertEquals(1, tally(id).get("JA"));

        FakeProviders.callAsTwilio("/webhooks/twilio/call/status", Map.of("CallSid", callSid, "CallStatus", "completed"))
                .statusCode(204);
        assertEquals("DELIVERED", delivery(deliveries(id), "c1", "voice").get("state"));
        as(Roles.SENDER).get("/api/bulletins/" + id).then().statusCode(200)
                .body("deliveries.voice.DELIVERED", equalTo(1)).body("providers.voice", equalTo("twilio"));
        String page = given().cookies(signInToUi("call-follower", List.of(Roles.SENDER))).get("/app/bulletins/" + id)
                .then().statusCode(200).extract().asString();
        assertEquals("1 av 1 besvarade", Jsoup.parse(page).getElementById("count-calls").text());
    }

    @Test
    void nobodyAnsweringIsCalledOnceMoreAfterTheWaitThenEmailed() throws Exception {
        long id = sendOk(Map.of("text", "Lönen betalas ut som vanligt.", "groups", List.of("Kansliet")));
        awaitCalls(1);
        String firstSid = callSid(awaitDeliveries(id, inState("SENT", "DELIVERED")));

        FakeProviders.callAsTwilio("/webhooks/twilio/call/status", Map.of("CallSid", firstSid, "CallStatus", "no-answer"))
                .statusCode(204);
        Map<String, Object> waiting = delivery(deliveries(id), "c3", "voice");
        assertEquals("QUEUED", waiting.get("state"));
        assertEquals("no-answer", waiting.get("errorCode"));
        // The dispatcher goes round every quarter second: for a second it must not call again before outband.voice.retry-after.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> callRequests().size() == 1);
        long callId = ((Number) waiting.get("id")).longValue();
        Instant again = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(callId).nextAttemptAt);
        assertTrue(Duration.between(Instant.now(), again).compareTo(Duration.ofMinutes(9)) > 0, "called again in 10 minutes: " + again);

        // Ten minutes pass for this call (moved, not waited for: the shared test clock must not run ahead while results are stored).
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("nextAttemptAt = ?1 where id = ?2", Instant.now(), callId));
        awaitCalls(2);
        String secondSid = callSid(awaitDeliveries(id, inState("SENT", "DELIVERED")));
        assertTrue(!secondSid.equals(firstSid), "a new call");
        FakeProviders.callAsTwilio("/webhooks/twilio/call/status", Map.of("CallSid", secondSid, "CallStatus", "busy"))
                .statusCode(204);

        List<Map<String, Object>> done = awaitDeliveries(id, d -> !"c3".equals(d.get("contactId"))
                || inState("DELIVERED", "UNDELIVERED").test(d));
        assertEquals("UNDELIVERED", delivery(done, "c3", "voice").get("state"));
        assertEquals("busy", delivery(done, "c3", "voice").get("errorCode"));
        assertEquals(delivery(done, "c3", "voice").get("id"), delivery(done, "c3", "email").get("fallbackOf"));
        MimeMessage[] mails = FakeProviders.smtp().getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals("fredrik@example.net", mails[0].getAllRecipients()[0].toString());
        assertEquals(2, callRequests().size(), "one retry, no more");
    }

    @Test
    void anSmsRefusedBecauseTheNumberTakesNoSmsIsFollowedByACallBeforeEmail() {
        FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=%2B46701740621"))
                .willReturn(FakeProviders.twilioError(400, 21614, "'To' number is not a valid mobile number")));
        long id = sendOk(Map.of("text", "Kansliet stänger kl 15.", "contactIds", List.of("c4")));

        Map<String, String> call = awaitCalls(1).get(0);
        assertEquals("+46701740621", call.get("To"));
        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("FAILED", "SENT", "DELIVERED"));
        assertEquals("21614", delivery(deliveries, "c4", "sms").get("errorCode"));
        assertEquals(delivery(deliveries, "c4", "sms").get("id"), delivery(deliveries, "c4", "voice").get("fallbackOf"));
        assertTrue(deliveries.stream().noneMatch(d -> "email".equals(d.get("channel"))), "email only if the call fails too");

        String sid = callSid(deliveries);
        FakeProviders.callAsTwilio("/webhooks/twilio/call/status", Map.of("CallSid", sid, "CallStatus", "completed")).statusCode(204);
        assertEquals("DELIVERED", delivery(deliveries(id), "c4", "voice").get("state"));
        as(Roles.SENDER).get("/api/bulletins/" + id).then().body("reached", equalTo(1));
        assertEquals(0, FakeProviders.smtp().getReceivedMessages().length);
    }

    @Test
    void callWebhooksWithoutTwilioSignatureAreRefusedAndChangeNothing() {
        long id = sendOk(Map.of("text", "Prov </Say><Dial>+46700000000</Dial><Say>", "contactIds", List.of("c1"),
                "replyOptions", List.of("JA")));
        awaitCalls(1);
        List<Map<String, Object>> before = awaitDeliveries(id, inState("SENT"));
        String sid = callSid(before);
        long callId = ((Number) before.get(0).get("id")).longValue();
        for (String path : List.of("/webhooks/twilio/call/" + callId, "/webhooks/twilio/call/" + callId + "/keypad",
                "/webhooks/twilio/call/status")) {
            given().contentType("application/x-www-form-urlencoded").formParams(Map.of("CallSid", sid, "CallStatus", "completed",
                    "Digits", "1")).post(path).then().statusCode(403);
            given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "Zm9yZ2Vk")
                    .formParams(Map.of("CallSid", sid, "CallStatus", "completed", "Digits", "1")).post(path).then().statusCode(403);
        }
        assertEquals("SENT", delivery(deliveries(id), "c1", "voice").get("state"));
        assertEquals(0, tally(id).get("JA"));
        Document script = twiml("/webhooks/twilio/call/" + callId, Map.of("CallSid", sid));
        assertNull(script.selectFirst("Dial"), "a leader's text is read out, never obeyed: " + script.outerHtml());
        assertTrue(script.selectFirst("Say").text().endsWith("Prov </Say><Dial>+46700000000</Dial><Say>"), script.outerHtml());
        // A signed request for a delivery that is no call reads nothing out.
        long missing = callId + 1_000_000;
        assertNull(twiml("/webhooks/twilio/call/" + missing, Map.of("CallSid", sid)).selectFirst("Say"));
    }

    private static List<Map<String, String>> awaitCalls(int count) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> callRequests().size() >= count);
        return callRequests();
    }

    private static String callSid(List<Map<String, Object>> deliveries) {
        return (String) deliveries.stream().filter(d -> "voice".equals(d.get("channel"))).findFirst().orElseThrow().get("providerId");
    }

    private static Map<String, Integer> tally(long id) {
        return as(Roles.SENDER).get("/api/bulletins/" + id + "/replies").then().statusCode(200).extract().path("tally.answers");
    }

    private static Document twiml(String path, Map<String, String> params) {
        String xml = FakeProviders.callAsTwilio(URI.create(path).getPath(), params).statusCode(200).extract().asString();
        return Jsoup.parse(xml, "", Parser.xmlParser());
    }
}
