package se.outband.messaging.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.INVALID_NUMBER;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.delivery;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.send;
import static se.outband.messaging.MessagingTestSupport.sendOk;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;

@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class BulletinDeliveryTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void reset() {
        replaceContacts(CONTACTS);
        FakeProviders.reset();
    }

    @Test
    void aGroupBulletinReachesEveryoneOnceEvenInTwoGroups() throws Exception {
        long id = sendOk(Map.of("text", "Kommunens IT ligger nere. Arbeta analogt tills vidare.",
                "groups", List.of("Krisledning", "HR")));

        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("SENT", "DELIVERED"));
        assertEquals(4, deliveries.size(), deliveries::toString);
        List<Map<String, String>> requests = smsRequests();
        assertEquals(List.of("+46701740605", "+46701740606", "+46701740607"),
                requests.stream().map(r -> r.get("To")).sorted().toList());
        for (Map<String, String> request : requests) {
            assertEquals("Kommunens IT ligger nere. Arbeta analogt tills vidare.", request.get("Body"));
            assertEquals(FakeProviders.SENDER_NUMBER, request.get("From"));
            assertEquals(FakeProviders.PUBLIC_URL + "/webhooks/twilio/status", request.get("StatusCallback"));
        }
        assertEquals("SENT", delivery(deliveries, "m1", "sms").get("state"));
        assertTrue(String.valueOf(delivery(deliveries, "m1", "sms").get("providerId")).startsWith("SM"));

        MimeMessage[] mails = FakeProviders.smtp().getReceivedMessages();
        assertEquals(1, mails.length, "only David, who has no mobile, gets email");
        assertEquals("david@example.org", mails[0].getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("DELIVERED", delivery(deliveries, "m4", "email").get("state"));
    }

    @Test
    void anInvalidNumberFallsBackToEmailWithTheSameText() throws Exception {
        FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=%2B46701740699"))
                .willReturn(FakeProviders.twilioError(400, 21211, "The 'To' number " + INVALID_NUMBER + " is not a valid phone number.")));

        long id = sendOk(Map.of("text", "Lön betalas ut som vanligt den 23 december.\n\nHälsningar HR", "groups", List.of("Skola")));

        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("SENT", "DELIVERED", "FAILED"));
        Map<String, Object> sms = delivery(deliveries, "m5", "sms");
        assertEquals("FAILED", sms.get("state"));
        assertEquals("21211", sms.get("errorCode"));
        Map<String, Object> email = delivery(deliveries, "m5", "email");
        assertEquals("DELIVERED", email.get("state"));
        assertEquals(((Number) sms.get("id")).longValue(), ((Number) email.get("fallbackOf")).longValue());

        MimeMessage[] mails = FakeProviders.smtp().getReceivedMessages();
        assertEquals(1, mails.length);
        MimeMessage mail = mails[0];
        assertEquals("ogiltig@example.net", mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("Lön betalas ut som vanligt den 23 december.", mail.getSubject());
        assertEquals("krisledning@example.org", mail.getReplyTo()[0].toString());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        // SMTP carries lines ending in CRLF.
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) parts.getBodyPart(1).getContent();
        assertTrue(text.startsWith("Lön betalas ut som vanligt den 23 december.\n\nHälsningar HR"), text);
        assertTrue(text.contains(FakeProviders.PUBLIC_URL + "/status/"), text);
        assertTrue(html.contains("<p>Lön betalas ut som vanligt den 23 december.</p>"), html);

        as(Roles.SENDER).get("/api/bulletins/" + id).then()
                .body("fellBackToEmail", equalTo(1))
                // Ogiltig by email; Erik's SMS is only SENT until Twilio reports it delivered.
                .body("reached", equalTo(1))
                .body("pending", equalTo(1))
                .body("lastError", containsString("21211"));
    }

    @Test
    void hostileTextIsEscapedInTheEmailAndSentAsTextBySms() throws Exception {
        String hostile = "<script>alert('x')</script> & <b>fet</b>";
        long id = sendOk(Map.of("text", hostile, "contactIds", List.of("m4", "m6"), "channels", "both"));
        awaitDeliveries(id, inState("SENT", "DELIVERED"));
        assertEquals(hostile, smsRequests().get(0).get("Body"));
        MimeMessage mail = FakeProviders.smtp().getReceivedMessages()[0];
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;"), html);
        assertTrue(!html.contains("<script>"), html);
    }

    @Test
    void channelPoliciesChooseWhoGetsWhat() {
        long both = sendOk(Map.of("text", "Båda kanalerna", "contactIds", List.of("m1", "m3", "m4"), "channels", "both"));
        List<Map<String, Object>> deliveries = awaitDeliveries(both, inState("SENT", "DELIVERED"));
        assertEquals(Map.of("sms", 2L, "email", 2L), deliveries.stream()
                .collect(Collectors.groupingBy(d -> (String) d.get("channel"), Collectors.counting())));

        long emailOnly = sendOk(Map.of("text", "Bara e-post", "contactIds", List.of("m1", "m3"), "channels", "email"));
        as(Roles.SENDER).get("/api/bulletins/" + emailOnly).then().body("recipients", equalTo(2));
        assertEquals(1, awaitDeliveries(emailOnly, inState("DELIVERED")).size(), "Cecilia has no email");

        send(Map.of("text", "Bara SMS", "contactIds", List.of("m4"), "channels", "sms")).statusCode(400)
                .body("error", containsString("kan nås"));
    }

    @Test
    void aDrillIsMarkedInEveryMessageAndListing() throws Exception {
        long id = sendOk(Map.of("text", "Test av krisutskick.", "contactIds", List.of("m1", "m4"), "drill", true));
        awaitDeliveries(id, inState("SENT", "DELIVERED"));
        assertEquals("ÖVNING: Test av krisutskick.", smsRequests().get(0).get("Body"));
        assertEquals("ÖVNING: Test av krisutskick.", FakeProviders.smtp().getReceivedMessages()[0].getSubject());
        as(Roles.SENDER).get("/api/bulletins").then().body("find { it.id == " + id + " }.drill", equalTo(true));
        as(Roles.SENDER).get("/api/bulletins/" + id).then().body("drill", equalTo(true))
                .body("message", startsWith("ÖVNING: "));
    }

    @Test
    void aPreviewCountsSegmentsAndCostAndSendsNothing() {
        int before = as(Roles.SENDER).get("/api/bulletins?limit=500").then().extract().jsonPath().getList("$").size();
        as(Roles.SENDER).contentType("application/json")
                .body(Map.of("text", "Arbeta \u201danalogt\u201d tills vidare.", "groups", List.of("Krisledning", "HR"),
                        "replyOptions", List.of("ja", "nej")))
                .post("/api/bulletins?dryRun=true").then().statusCode(200)
                .body("recipients", equalTo(4))
                .body("smsMessages", equalTo(3))
                .body("emailMessages", equalTo(1))
                .body("encoding", equalTo("UCS2"))
                .body("ucs2Character", equalTo("\u201d"))
                .body("encodingNote", containsString("\u201d"))
                .body("smsSegments", equalTo(1))
                .body("message", equalTo("Arbeta \u201danalogt\u201d tills vidare.\nSvara: 1 JA, 2 NEJ"))
                .body("estimatedCost", equalTo(1.80f));
        assertEquals(0, smsRequests().size());
        assertEquals(0, FakeProviders.smtp().getReceivedMessages().length);
        assertEquals(before, as(Roles.SENDER).get("/api/bulletins?limit=500").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void badRequestsAreRefusedInPlainWords() {
        send(Map.of("text", "", "groups", List.of("HR"))).statusCode(400).body("error", equalTo("Skriv ett meddelande."));
        send(Map.of("text", "Hej", "groups", List.of("Ekonomi"))).statusCode(400).body("error", containsString("Ekonomi"));
        send(Map.of("text", "Hej")).statusCode(400).body("error", containsString("grupp"));
        send(Map.of("text", "Hej", "groups", List.of("HR"), "channels", "fax")).statusCode(400).body("error", containsString("fax"));
        send(Map.of("text", "Hej", "groups", List.of("HR"), "replyOptions", List.of("ja tack"))).statusCode(400);
        send(Map.of("text", "x".repeat(1601), "groups", List.of("HR"))).statusCode(400);
        as(Roles.CONTACTS).contentType("application/json").body(Map.of("text", "Hej", "groups", List.of("HR")))
                .post("/api/bulletins").then().statusCode(403);
        assertEquals(0, smsRequests().size());
    }

    /**
     * A bulletin's recipients' numbers, through the API and on its page, are a read of that many people:
     * audited once per reader, however often the page refreshes itself, and again an hour later.
     */
    @Test
    void readingARecipientListIsAuditedOncePerReaderNotPerRefresh() {
        long id = sendOk(Map.of("text", "Vem läste listan?", "contactIds", List.of("m1", "m2", "m3")));
        awaitDeliveries(id, inState("SENT"));
        String reader = "lista-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        TestApi.ensureUser(reader, List.of(Roles.SENDER));
        long before = TestApi.auditTotal();
        for (int i = 0; i < 3; i++) {
            TestApi.basic(reader, TestApi.PASSWORD).get("/api/bulletins/" + id + "/deliveries").then().statusCode(200);
        }
        Map<String, String> browser = TestApi.signInToUi(reader, TestApi.PASSWORD);
        for (int i = 0; i < 3; i++) {
            given().cookies(browser).get("/app/bulletins/" + id).then().statusCode(200)
                    .body(containsString("tel:+46701740605"));
        }
        assertEquals(List.of("bulletin.people-shown bulletin=" + id + " people=3", "login.succeeded web, from 127.0.0.1",
                "bulletin.deliveries-read bulletin=" + id + " people=3"), TestApi.auditBy(reader, before));

        clock.advance(Duration.ofMinutes(61));
        try {
            given().cookies(browser).get("/app/bulletins/" + id).then().statusCode(200);
        } finally {
            clock.reset();
        }
        assertEquals("bulletin.people-shown bulletin=" + id + " people=3", TestApi.auditBy(reader, before).get(0),
                "read again an hour later");
        assertEquals(4, TestApi.auditBy(reader, before).size(), "three reads and the sign-in");
    }

    @Test
    void everyBulletinIsAuditedAndCounted() {
        double sentBefore = MessagingTestSupport.counter("outband_deliveries_sent_total", "sms");
        long id = sendOk(Map.of("text", "Granskat utskick", "contactIds", List.of("m1")));
        awaitDeliveries(id, inState("SENT"));
        asAdmin().get("/api/audit?size=10").then()
                .body("entries.find { it.action == 'bulletin.sent' }.actor", equalTo("sender"))
                .body("entries.find { it.action == 'bulletin.sent' }.details", containsString("Granskat utskick"))
                .body("entries.find { it.action == 'bulletin.sent' }.details", containsString("recipients=1"));
        assertEquals(sentBefore + 1, MessagingTestSupport.counter("outband_deliveries_sent_total", "sms"), "the SMS is counted once");
    }

    @Test
    void anUnknownBulletinIs404() {
        as(Roles.SENDER).get("/api/bulletins/999999").then().statusCode(404).body("error", containsString("999999"));
        as(Roles.SENDER).get("/api/bulletins/999999/replies").then().statusCode(404);
    }
}
