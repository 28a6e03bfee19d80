package se.outband.messaging.providers.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import se.outband.benchmark.PackagedService;

/**
 * 20,000 SMS through the packaged service with Twilio first and 46elks second; Twilio starts
 * answering 503 to everything halfway. Prints how long the switch took, how the rest went, and
 * whether anyone was missed or asked twice. Run with {@code ./mvnw verify -Pbenchmark}.
 */
@QuarkusIntegrationTest
@WithTestResource(SlowTwilioAnd46elks.class)
@Tag("benchmark")
class FailoverBenchmarkIT {

    private static final int RECIPIENTS = 20_000;

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", PackagedService.ADMIN_PASSWORD);
    }

    @Test
    void twilioDiesHalfway() throws Exception {
        admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS)).post("/api/contacts/import").then().statusCode(200);
        SlowTwilio.clearCounts();
        SlowTwilioAnd46elks.ELKS.clear();

        long start = System.nanoTime();
        long id = admin().contentType("application/json").body(Map.of("text", "Krisledningen informerar: arbeta analogt.",
                "groups", List.of("Alla"), "channels", "sms")).post("/api/bulletins").then().statusCode(201)
                .extract().<Number>path("id").longValue();
        while (SlowTwilio.REQUESTS.get() < RECIPIENTS / 2 && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(5);
        }
        Set<String> askedOfTwilio = new HashSet<>(SlowTwilio.PER_NUMBER.keySet());
        SlowTwilio.server().stubFor(any(urlPathMatching("/2010-04-01/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service unavailable\", \"status\": 503}")));
        long died = System.nanoTime();
        while (sent(id) < RECIPIENTS && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        Map<String, Map<String, Number>> byProvider = admin().get("/api/bulletins/" + id).then().extract().path("smsByProvider");
        long twilioSent = byProvider.getOrDefault("twilio", Map.of()).values().stream().mapToLong(Number::longValue).sum();
        long elksSent = byProvider.getOrDefault("46elks", Map.of()).values().stream().mapToLong(Number::longValue).sum();
        long twiceAtElks = SlowTwilioAnd46elks.ELKS.perNumber.values().stream().filter(n -> n.get() > 1).count();
        long atBoth = SlowTwilioAnd46elks.ELKS.perNumber.keySet().stream().filter(askedOfTwilio::contains).count();
        long elksFirst = SlowTwilioAnd46elks.ELKS.first.get();

        // What Twilio took is read from the outcome: requests racing the switch to 503 are counted where they ended.
        System.out.printf("%n=== Failover benchmark: %,d SMS, Twilio answers 503 to everything once half have reached it ===%n",
                RECIPIENTS);
        System.out.printf("first SMS at 46elks after Twilio died : %,d ms%n", (elksFirst - died) / 1_000_000);
        System.out.printf("Twilio requests after it died         : %,d (answered 503, each moved to 46elks)%n",
                SlowTwilio.REQUESTS.get() - twilioSent);
        System.out.printf("SENT through Twilio / 46elks          : %,d / %,d (total %,d of %,d)%n", twilioSent, elksSent,
                twilioSent + elksSent, RECIPIENTS);
        System.out.printf("numbers asked of 46elks twice         : %,d%n", twiceAtElks);
        System.out.printf("asked of Twilio before it died, and of 46elks: %,d (at most those in flight at the switch)%n", atBoth);
        System.out.printf("rest sent through 46elks in           : %.1f s (%.0f messages/s)%n", (done - died) / 1e9,
                elksSent / ((done - died) / 1e9));
        System.out.printf("whole bulletin                        : %.1f s%n%n", (done - start) / 1e9);
        assertEquals(RECIPIENTS, twilioSent + elksSent, "everyone reached");
        assertEquals(0, twiceAtElks, "nobody asked of 46elks twice");
    }

    private static long sent(long id) {
        Map<String, Number> sms = admin().get("/api/bulletins/" + id).then().extract().path("deliveries.sms");
        return sms.getOrDefault("SENT", 0).longValue();
    }
}
