package se.outband.messaging.providers.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;
import static se.outband.TestApi.signInToUi;
import static se.outband.messaging.FakeProviders.callAsTwilio;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.deliveries;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import se.outband.access.Roles;
import se.outband.messaging.Fake46elks;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.providers.voice.CallGateway;

/**
 * Twilio first, 46elks second, both real HTTP APIs on localhost (the real Twilio SDK, the JDK's HTTP
 * client): when Twilio is down everyone is reached once through 46elks; when it answers again it
 * sends again; a number Twilio refuses goes to email, not to 46elks; forged 46elks webhooks change nothing.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
@TestProfile(FailoverTest.TwoProviders.class)
class FailoverTest {

    public static class TwoProviders implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Fake46elks.class));
        }
    }

    static final int PEOPLE = 30;

    @Inject
    FailoverSmsGateway providers;

    @BeforeEach
    void bothProvidersAnswer() {
        FakeProviders.reset();
        Fake46elks.reset();
        providers.probe();
        assertEquals("twilio", providers.sending(), "Twilio answers again, so it sends first");
    }

    @Test
    void withTwilioDownEveryoneIsReachedOnceThrough46elks() {
        String group = crew();
        twilioDown();

        long id = sendOk(Map.of("text", "Samling i stadshuset kl 14.", "groups", List.of(group), "channels", "sms"));
        List<Map<String, Object>> sent = awaitDeliveries(id, inState("SENT"));
        assertEquals(PEOPLE, sent.size());
        assertTrue(sent.stream().allMatch(d -> "46elks".equals(d.get("provider"))), sent::toString);

        Map<String, Long> perNumber = Fake46elks.smsRequests().stream()
                .filter(r -> r.get("message").equals("Samling i stadshuset kl 14."))
                .collect(Collectors.groupingBy(r -> r.get("to"), Collectors.counting()));
        assertEquals(PEOPLE, perNumber.size(), "everyone asked of 46elks");
        assertTrue(perNumber.values().stream().allMatch(n -> n == 1), "nobody twice: " + perNumber);
        Map<String, String> request = Fake46elks.smsRequests().get(0);
        assertEquals("message", request.get("dontlog"));
        assertEquals(Fake46elks.SENDER, request.get("from"));
        assertEquals(FakeProviders.PUBLIC_URL + "/webhooks/46elks/" + Fake46elks.WEBHOOK_SECRET + "/status", request.get("whendelivered"));

        for (Map<String, Object> delivery : sent) {
            elksReport(Fake46elks.WEBHOOK_SECRET, Map.of("id", (String) delivery.get("providerId"), "status", "delivered",
                    "delivered", "2026-11-24T10:00:05.000000")).statusCode(204);
        }
        asAdmin().get("/api/bulletins/" + id).then().statusCode(200)
                .body("reached", equalTo(PEOPLE))
                .body("smsByProvider.46elks.DELIVERED", equalTo(PEOPLE))
                .body("smsProviders.find { it.name == 'twilio' }.state", equalTo("FAILING"))
                .body("smsProviders.find { it.name == '46elks' }.state", equalTo("SENDING"));

        Map<String, String> leader = signInToUi("leader-failover-" + UUID.randomUUID().toString().substring(0, 6), List.of(Roles.SENDER));
        given().cookies(leader).get("/app/bulletins/" + id).then().statusCode(200)
                .body(containsString("id=\"count-reached\">" + PEOPLE + "<"))
                .body(containsString("id=\"via-46elks\">" + PEOPLE + "<"));
        given().cookies(leader).get("/app/").then().statusCode(200)
                .body(containsString("twilio: <span class=\"state s-down\">fungerar inte sedan"))
                .body(containsString("46elks: <span class=\"state s-operational\">skickar"));
    }

    @Test
    void whenTwilioAnswersAgainItSendsAgain() {
        String group = crew();
        twilioDown();
        long during = sendOk(Map.of("text", "Under avbrottet.", "groups", List.of(group), "channels", "sms"));
        awaitDeliveries(during, inState("SENT"));
        assertEquals("46elks", providers.sending());

        FakeProviders.reset();
        providers.probe();
        assertEquals("twilio", providers.sending(), "the probe finds Twilio back");
        long after = sendOk(Map.of("text", "Efter avbrottet.", "groups", List.of(group), "channels", "sms"));
        List<Map<String, Object>> sent = awaitDeliveries(after, inState("SENT"));
        assertTrue(sent.stream().allMatch(d -> "twilio".equals(d.get("provider"))), sent::toString);
        assertEquals(0, Fake46elks.smsRequests().stream().filter(r -> r.get("message").equals("Efter avbrottet.")).count());
    }

    @Test
    void aNumberTwilioRefusesGetsEmailNot46elks() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        replaceContacts("id,name,mobile,email,groups\n"
                + "f1,Frida Fel,070-174 06 99,frida@example.org,Fel" + unique + "\n"
                + "f2,Gustav Rätt,070-174 06 98,,Fel" + unique + "\n");
        FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=%2B46701740699"))
                .willReturn(FakeProviders.twilioError(400, 21211, "The 'To' number +46701740699 is not a valid phone number.")));

        long id = sendOk(Map.of("text", "Lönen kommer som vanligt.", "groups", List.of("Fel" + unique)));
        List<Map<String, Object>> done = awaitDeliveries(id, d -> "email".equals(d.get("channel")) && "DELIVERED".equals(d.get("state"))
                || "sms".equals(d.get("channel")) && List.of("SENT", "FAILED").contains(d.get("state")));
        Map<String, Object> refused = done.stream().filter(d -> "sms".equals(d.get("channel")) && "f1".equals(d.get("contactId")))
                .findFirst().orElseThrow();
        assertEquals("FAILED", refused.get("state"));
        assertEquals("twilio", refused.get("provider"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id).stream()
                .anyMatch(d -> "email".equals(d.get("channel")) && "DELIVERED".equals(d.get("state"))));
        assertEquals(0, Fake46elks.smsRequests().size(), "a refused number never goes to the second provider");
        assertEquals("twilio", providers.sending(), "a refused number is no outage");
    }

    @Test
    void forged46elksWebhooksAreRefusedAndChangeNothing() throws Exception {
        String group = crew();
        twilioDown();
        long id = sendOk(Map.of("text", "Svara JA eller NEJ.", "groups", List.of(group), "channels", "sms",
                "replyOptions", List.of("JA", "NEJ")));
        Map<String, Object> one = awaitDeliveries(id, inState("SENT")).get(0);
        String providerId = (String) one.get("providerId");

        for (String secret : List.of("wrong", Fake46elks.WEBHOOK_SECRET + "x", Fake46elks.WEBHOOK_SECRET.substring(1))) {
            elksReport(secret, Map.of("id", providerId, "status", "failed")).statusCode(403);
            given().contentType("application/x-www-form-urlencoded").formParams(Map.of("id", "sforged1", "from", (String) one.get("address"),
                    "to", Fake46elks.SENDER, "message", "NEJ")).post("/webhooks/46elks/" + secret + "/inbound").then().statusCode(403)
                    .body("error", containsString("46elks"));
        }
        // Ways of writing the address that routing takes for the same resource, sent as written (REST Assured would tidy them).
        for (String path : List.of("//webhooks/46elks/wrong", "/webhooks//46elks/wrong", "/webhooks/46%65lks/wrong",
                "/webhooks/x/../46elks/wrong", "/webhooks/46elks/wrong/")) {
            assertEquals(403, postAsWritten(path + "/status", Map.of("id", providerId, "status", "failed")), path);
            assertEquals(403, postAsWritten(path + "/inbound", Map.of("id", "sforged2", "from", (String) one.get("address"),
                    "to", Fake46elks.SENDER, "message", "NEJ")), path);
        }
        assertEquals("SENT", deliveries(id).stream().filter(d -> providerId.equals(d.get("providerId"))).findFirst().orElseThrow().get("state"));
        asAdmin().get("/api/bulletins/" + id + "/replies").then().statusCode(200).body("replies.size()", equalTo(0));

        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("id", "sinbound1" + id, "from", (String) one.get("address"),
                "to", Fake46elks.SENDER, "message", "ja", "created", "2026-11-24T10:01:00.000000"))
                .post("/webhooks/46elks/" + Fake46elks.WEBHOOK_SECRET + "/inbound").then().statusCode(204);
        asAdmin().get("/api/bulletins/" + id + "/replies").then().statusCode(200).body("replies.size()", equalTo(1))
                .body("replies[0].answer", equalTo("JA"));
    }

    /**
     * Whoever knows 46elks' webhook address can post as any number: a leader's command from it is answered
     * only by an SMS of its own to the leader's registered number, never in the response 46elks would text on.
     */
    private static final Pattern CODE = Pattern.compile("Svara \\d{6} inom 10 min");

    @Test
    void aCommandThrough46elksIsAnsweredOnlyToTheRegisteredNumber() {
        String leader = "elksledare-" + UUID.randomUUID().toString().substring(0, 6);
        String mobile = "+46703" + String.format("%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
        asAdmin().contentType("application/json").body(Map.of("username", leader, "password", "a-long-test-password", "roles",
                List.of("sender"), "mobile", mobile)).post("/api/users").then().statusCode(201);
        String group = crew();
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("id", "s" + UUID.randomUUID().toString().replace("-", ""), "from", mobile,
                "to", Fake46elks.SENDER, "message", "SKICKA " + group + ": Samling nu."))
                .post("/webhooks/46elks/" + Fake46elks.WEBHOOK_SECRET + "/inbound").then().statusCode(204).body(equalTo(""));
        // The code goes out by whichever provider the outbox picks, as any SMS of its own would.
        await().atMost(Duration.ofSeconds(15)).until(() -> MessagingTestSupport.smsRequests().stream()
                .anyMatch(m -> mobile.equals(m.get("To")) && CODE.matcher(m.getOrDefault("Body", "")).find())
                || Fake46elks.smsRequests().stream().anyMatch(m -> mobile.equals(m.get("to")) && CODE.matcher(m.getOrDefault("message", "")).find()));
        MessagingTestSupport.awaitNothingLeftToSendTo(mobile);
    }

    /**
     * A report changes only a message of the provider it came from: 46elks' webhook (behind a secret only)
     * cannot fail a message Twilio sent, nor Twilio's signed webhooks one 46elks sent, by naming its id.
     */
    @Test
    void aReportChangesOnlyAMessageOfTheProviderItCameFrom() {
        String group = crew();
        long viaTwilio = sendOk(Map.of("text", "Skickat via Twilio.", "groups", List.of(group), "channels", "sms"));
        Map<String, Object> twilioSent = awaitDeliveries(viaTwilio, inState("SENT")).get(0);
        assertEquals("twilio", twilioSent.get("provider"));
        String twilioSid = (String) twilioSent.get("providerId");
        elksReport(Fake46elks.WEBHOOK_SECRET, Map.of("id", twilioSid, "status", "failed")).statusCode(204);
        assertEquals("SENT", stateOf(viaTwilio, twilioSid), "a 46elks report does not touch a message Twilio sent");

        twilioDown();
        long viaElks = sendOk(Map.of("text", "Skickat via 46elks.", "groups", List.of(group), "channels", "sms"));
        Map<String, Object> elksSent = awaitDeliveries(viaElks, inState("SENT")).get(0);
        assertEquals("46elks", elksSent.get("provider"));
        String elksId = (String) elksSent.get("providerId");
        callAsTwilio(SmsGatewayProducer.STATUS_CALLBACK_PATH, Map.of("MessageSid", elksId, "MessageStatus", "undelivered",
                "ErrorCode", "30005", "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        callAsTwilio(CallGateway.BULLETIN_CALLS + "/status", Map.of("CallSid", elksId, "CallStatus", "failed",
                "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        assertEquals("SENT", stateOf(viaElks, elksId), "Twilio's reports do not touch a message 46elks sent");

        // Each provider's own reports still count.
        elksReport(Fake46elks.WEBHOOK_SECRET, Map.of("id", elksId, "status", "delivered")).statusCode(204);
        callAsTwilio(SmsGatewayProducer.STATUS_CALLBACK_PATH, Map.of("MessageSid", twilioSid, "MessageStatus", "delivered",
                "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        assertEquals("DELIVERED", stateOf(viaElks, elksId));
        assertEquals("DELIVERED", stateOf(viaTwilio, twilioSid));
    }

    /** A report that comes before its message's send result waits for a message of its own provider only. */
    @Test
    void anEarlyReportWaitsForAMessageOfItsOwnProvider() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        replaceContacts("id,name,mobile,groups\ne1,Erik Tidig,+46701740620,Tidig" + unique + "\n");
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        // Twilio takes its time answering the send; a report naming the id it will give arrives meanwhile on 46elks' webhook.
        FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(1500).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\"}")));
        long id = sendOk(Map.of("text", "Tidig rapport.", "groups", List.of("Tidig" + unique), "channels", "sms"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !MessagingTestSupport.smsRequests().isEmpty());
        elksReport(Fake46elks.WEBHOOK_SECRET, Map.of("id", sid, "status", "failed")).statusCode(204);

        Map<String, Object> sent = awaitDeliveries(id, inState("SENT", "FAILED")).get(0);
        assertEquals("twilio", sent.get("provider"));
        assertEquals("SENT", sent.get("state"), "the 46elks report kept for this id is not Twilio's: " + sent);

        callAsTwilio(SmsGatewayProducer.STATUS_CALLBACK_PATH, Map.of("MessageSid", sid, "MessageStatus", "delivered",
                "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        assertEquals("DELIVERED", stateOf(id, sid));
    }

    private static String stateOf(long bulletin, String providerId) {
        return (String) deliveries(bulletin).stream().filter(d -> providerId.equals(d.get("providerId"))).findFirst().orElseThrow()
                .get("state");
    }

    /** Twilio answers 503 to everything: sending, and the probe reading the account. */
    private static void twilioDown() {
        FakeProviders.twilio().stubFor(any(urlPathMatching("/2010-04-01/.*")).atPriority(1)
                .willReturn(FakeProviders.twilioError(503, 20503, "Service unavailable")));
    }

    /** A group of {@link #PEOPLE} with mobiles, replacing the list. */
    private static String crew() {
        String group = "Kris" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        for (int i = 0; i < PEOPLE; i++) {
            csv.append("p").append(i).append(",Person ").append(i).append(",+467017406").append(10 + i).append(',').append(group).append('\n');
        }
        replaceContacts(csv.toString());
        return group;
    }

    private static int postAsWritten(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static io.restassured.response.ValidatableResponse elksReport(String secret, Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/webhooks/46elks/" + secret + "/status").then();
    }
}
