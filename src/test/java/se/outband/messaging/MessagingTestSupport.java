package se.outband.messaging;

import static org.awaitility.Awaitility.await;
import static se.outband.TestApi.as;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import se.outband.access.Roles;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/** Sending bulletins and reading what the fake providers received, as the messaging tests need it. */
public final class MessagingTestSupport {

    public static final String CONTACTS = """
            id,name,mobile,email,groups
            m1,Anna Andersson,070-174 06 05,anna@example.net,Krisledning|HR
            m2,Bertil Berg,070-174 06 06,bertil@example.net,HR
            m3,Cecilia Carlsson,070-174 06 07,,Krisledning
            m4,David Dahl,,david@example.org,HR
            m5,Ogiltig Olsson,070-174 06 99,ogiltig@example.net,Skola
            m6,Erik Ek,070-174 06 10,erik@example.net,Skola
            """;
    public static final String INVALID_NUMBER = "+46701740699";

    private MessagingTestSupport() {
    }

    public static ValidatableResponse send(Map<String, Object> bulletin) {
        return as(Roles.SENDER).contentType(ContentType.JSON).body(bulletin).post("/api/bulletins").then();
    }

    public static long sendOk(Map<String, Object> bulletin) {
        return send(bulletin).statusCode(201).extract().<Number>path("id").longValue();
    }

    public static List<Map<String, Object>> deliveries(long bulletinId) {
        return as(Roles.SENDER).get("/api/bulletins/" + bulletinId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until every delivery satisfies {@code done} and returns them. */
    public static List<Map<String, Object>> awaitDeliveries(long bulletinId, Predicate<Map<String, Object>> done) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveries(bulletinId).stream().allMatch(done));
        return deliveries(bulletinId);
    }

    /**
     * Waits until nothing of the bulletin is left to send: no delivery queued or being sent (a fallback,
     * created with the result that asks for it, included). A test that sent something ends with this, so
     * that its messages do not reach the fake providers, or the counters, during the next test.
     */
    public static List<Map<String, Object>> awaitNothingLeftToSend(long bulletinId) {
        return awaitDeliveries(bulletinId, inState("QUEUED", "SENDING").negate());
    }

    /** As {@link #awaitNothingLeftToSend(long)}, for the messages of their own to one address (an answer to a leader's command). */
    public static void awaitNothingLeftToSendTo(String address) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("bulletinId is null and address = ?1 and state in ?2", address,
                        List.of(DeliveryState.QUEUED, DeliveryState.SENDING)) == 0));
    }

    public static Predicate<Map<String, Object>> inState(String... states) {
        List<String> wanted = List.of(states);
        return d -> wanted.contains(d.get("state"));
    }

    /** The form parameters of every message request Twilio's fake received, oldest first. */
    public static List<Map<String, String>> smsRequests() {
        return twilioRequests("/Messages.json");
    }

    /** The form parameters of every call Twilio's fake was asked to make, oldest first. */
    public static List<Map<String, String>> callRequests() {
        return twilioRequests("/Calls.json");
    }

    private static List<Map<String, String>> twilioRequests(String resource) {
        return FakeProviders.twilio().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith(resource))
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest)
                .map(r -> form(r.getBodyAsString()))
                .toList();
    }

    /** Message requests Twilio's fake accepted (answered 201). */
    public static List<Map<String, String>> acceptedSms() {
        return FakeProviders.twilio().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/Messages.json") && e.getResponse().getStatus() == 201)
                .map(e -> form(e.getRequest().getBodyAsString()))
                .toList();
    }

    public static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** A counter's current value in /q/metrics (0 before it was first incremented). */
    public static double counter(String name, String channel) {
        String metrics = se.outband.TestApi.asAdmin().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = name + "{channel=\"" + channel + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).strip())).findFirst().orElse(0);
    }

    public static Map<String, Object> delivery(List<Map<String, Object>> deliveries, String contactId, String channel) {
        return deliveries.stream()
                .filter(d -> contactId.equals(d.get("contactId")) && channel.equals(d.get("channel")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + channel + " delivery for " + contactId + " in " + deliveries));
    }
}
