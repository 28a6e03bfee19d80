package se.outband.messaging.inbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.FakeProviders.callAsTwilio;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.deliveries;
import static se.outband.messaging.MessagingTestSupport.delivery;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.access.Roles;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.TwilioSignature;

@QuarkusTest
class TwilioWebhookTest {

    private static final String STATUS = "/webhooks/twilio/status";
    private static final String INBOUND = "/webhooks/twilio/inbound";

    @Inject
    TestClock clock;

    @BeforeEach
    void reset() {
        replaceContacts(CONTACTS);
        FakeProviders.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, String> status(String sid, String status, String errorCode) {
        return errorCode == null
                ? Map.of("MessageSid", sid, "MessageStatus", status, "AccountSid", FakeProviders.ACCOUNT_SID)
                : Map.of("MessageSid", sid, "MessageStatus", status, "ErrorCode", errorCode, "AccountSid", FakeProviders.ACCOUNT_SID);
    }

    private static Map<String, String> sms(String from, String body, String sid) {
        return Map.of("From", from, "To", "+46766861004", "Body", body, "MessageSid", sid, "AccountSid", FakeProviders.ACCOUNT_SID);
    }

    @Test
    void anUndeliveredReportFallsBackToEmailOnceHoweverOftenItIsRepeated() {
        long id = sendOk(Map.of("text", "Samling i stadshuset kl 14.", "contactIds", List.of("m1", "m3")));
        String anna = (String) delivery(awaitDeliveries(id, inState("SENT")), "m1", "sms").get("providerId");

        callAsTwilio(STATUS, status(anna, "undelivered", "30003")).statusCode(204);
        callAsTwilio(STATUS, status(anna, "undelivered", "30003")).statusCode(204);
        callAsTwilio(STATUS, status(anna, "sent", null)).statusCode(204);

        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("SENT", "UNDELIVERED", "DELIVERED"));
        assertEquals("UNDELIVERED", delivery(deliveries, "m1", "sms").get("state"));
        assertEquals("30003", delivery(deliveries, "m1", "sms").get("errorCode"));
        assertEquals("DELIVERED", delivery(deliveries, "m1", "email").get("state"));
        assertEquals(3, deliveries.size(), deliveries::toString);
        assertEquals(1, FakeProviders.smtp().getReceivedMessages().length);
    }

    @Test
    void aLateSentNeverOverwritesDelivered() {
        long id = sendOk(Map.of("text", "Hej", "contactIds", List.of("m3")));
        String sid = (String) awaitDeliveries(id, inState("SENT")).get(0).get("providerId");
        callAsTwilio(STATUS, status(sid, "delivered", null)).statusCode(204);
        callAsTwilio(STATUS, status(sid, "sent", null)).statusCode(204);
        assertEquals("DELIVERED", deliveries(id).get(0).get("state"));
        as(Roles.SENDER).get("/api/bulletins/" + id).then().body("reached", equalTo(1)).body("percentReached", equalTo(100));
    }

    @Test
    void aForgedReportIsRefusedAndChangesNothing() {
        long id = sendOk(Map.of("text", "Hej", "contactIds", List.of("m3")));
        String sid = (String) awaitDeliveries(id, inState("SENT")).get(0).get("providerId");
        Map<String, String> params = status(sid, "failed", "30008");

        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "bm90LWEtc2lnbmF0dXJl")
                .formParams(params).post(STATUS).then().statusCode(403).body("error", containsString("Twilio"));
        given().contentType("application/x-www-form-urlencoded").formParams(params).post(STATUS).then().statusCode(403);
        // Signed with the right token but for another address: a replay against a different host.
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(FakeProviders.AUTH_TOKEN, "http://localhost:8081" + STATUS, params))
                .formParams(params).post(STATUS).then().statusCode(403);
        // Signed over different parameters than those sent.
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(FakeProviders.AUTH_TOKEN, FakeProviders.PUBLIC_URL + STATUS,
                        status(sid, "delivered", null)))
                .formParams(params).post(STATUS).then().statusCode(403);

        assertEquals("SENT", deliveries(id).get(0).get("state"));
        assertEquals(0, FakeProviders.smtp().getReceivedMessages().length);
    }

    @Test
    void repliesAreMatchedToTheBulletinAndTallied() {
        long id = sendOk(Map.of("text", "Kan du arbeta i helgen?", "contactIds", List.of("m1", "m2", "m3", "m6"),
                "replyOptions", List.of("ja", "nej")));
        awaitDeliveries(id, inState("SENT"));

        callAsTwilio(INBOUND, sms("+46701740605", "Ja!", "SMa1")).statusCode(200).body(containsString("<Response/>"));
        callAsTwilio(INBOUND, sms("+46701740606", "nej tyvärr, jag är sjuk", "SMa2")).statusCode(200);
        callAsTwilio(INBOUND, sms("+46701740607", "1", "SMa3")).statusCode(200);
        callAsTwilio(INBOUND, sms("+46701740610", "Kanske på söndag", "SMa4")).statusCode(200);
        callAsTwilio(INBOUND, sms("+46701740607", "1", "SMa3")).statusCode(200);
        callAsTwilio(INBOUND, sms("+46709999999", "JA", "SMa5")).statusCode(200);

        as(Roles.SENDER).get("/api/bulletins/" + id + "/replies").then().statusCode(200)
                .body("options", equalTo(List.of("JA", "NEJ")))
                .body("tally.answers.JA", equalTo(2))
                .body("tally.answers.NEJ", equalTo(1))
                .body("tally.unrecognised", equalTo(1))
                .body("tally.replied", equalTo(4))
                .body("tally.noReply", equalTo(0))
                .body("replies.size()", equalTo(4))
                .body("replies.find { it.contactId == 'm2' }.body", equalTo("nej tyvärr, jag är sjuk"))
                .body("replies.find { it.contactId == 'm2' }.answer", equalTo("NEJ"))
                .body("replies.find { it.contactId == 'm6' }.answer", equalTo(null));
    }

    @Test
    void aReplyAfterSeventyTwoHoursAttachesToNothing() {
        long id = sendOk(Map.of("text", "Svara om du kan komma", "contactIds", List.of("m3"), "replyOptions", List.of("ja", "nej")));
        awaitDeliveries(id, inState("SENT"));
        clock.advance(Duration.ofHours(73));
        callAsTwilio(INBOUND, sms("+46701740607", "ja", "SMlate")).statusCode(200);
        as(Roles.SENDER).get("/api/bulletins/" + id + "/replies").then()
                .body("replies.size()", equalTo(0))
                .body("tally.noReply", equalTo(1));
    }

    @Test
    void aForgedReplyIsRefused() {
        long id = sendOk(Map.of("text", "Kommer du?", "contactIds", List.of("m3"), "replyOptions", List.of("ja", "nej")));
        awaitDeliveries(id, inState("SENT"));
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "Zm9yZ2Vk")
                .formParams(sms("+46701740607", "nej", "SMforged")).post(INBOUND).then().statusCode(403);
        as(Roles.SENDER).get("/api/bulletins/" + id + "/replies").then().body("replies.size()", equalTo(0));
    }
}
