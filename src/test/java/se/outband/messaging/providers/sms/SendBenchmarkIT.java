package se.outband.messaging.providers.sms;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import se.outband.benchmark.PackagedService;

/**
 * Sends one bulletin to 20,000 people through the packaged service (its own process) against a
 * Twilio fake with a fixed latency, and the same messages the way Twilio's samples do: one SDK call
 * after another. Prints figures; asserts nothing about time. Run with {@code ./mvnw verify -Pbenchmark}.
 */
@QuarkusIntegrationTest
@WithTestResource(SlowTwilio.class)
@Tag("benchmark")
class SendBenchmarkIT {

    private static final int RECIPIENTS = 20_000;
    private static final int NAIVE_SAMPLE = 300;
    private static final List<String> WARM_PEOPLE = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", PackagedService.ADMIN_PASSWORD);
    }

    @Test
    void send20000() throws Exception {
        admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS))
                .post("/api/contacts/import").then().statusCode(200);
        long pid = PackagedService.pid();
        long rssAfterImport = PackagedService.peakRssMb(pid);
        SlowTwilio.clearCounts();

        long start = System.nanoTime();
        long id = admin().contentType("application/json")
                .body(Map.of("text", "Kommunens IT ligger nere. Arbeta analogt tills vidare. Nästa besked kl 12.", "groups", List.of("Alla")))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        long accepted = System.nanoTime();
        long allQueued = 0;
        while (SlowTwilio.REQUESTS.get() < RECIPIENTS && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            if (allQueued == 0 && smsDeliveries(id) == RECIPIENTS) {
                allQueued = System.nanoTime();
            }
            Thread.sleep(50);
        }
        long sent = admin().get("/api/bulletins/" + id).then().extract().<Map<String, Map<String, Number>>>path("deliveries")
                .get("sms").getOrDefault("SENT", 0).longValue();
        long first = SlowTwilio.FIRST_REQUEST_NANOS.get();
        long last = SlowTwilio.LAST_REQUEST_NANOS.get();
        double seconds = (last - first) / 1e9;
        double rate = (SlowTwilio.REQUESTS.get() - 1) / seconds;
        double concurrencyBound = SlowTwilio.CONCURRENCY * 1000.0 / SlowTwilio.LATENCY_MS;
        double bound = Math.min(SlowTwilio.RATE, concurrencyBound);
        long peakRss = PackagedService.peakRssMb(pid);

        long[] warm = firstSmsOfAnotherBulletin();
        double naive = naiveLoop();

        System.out.printf("%n=== Send benchmark: %,d recipients, fake Twilio latency %d ms ===%n", RECIPIENTS, SlowTwilio.LATENCY_MS);
        System.out.printf("POST /api/bulletins answered in  : %,d ms (bulletin and first recipients stored)%n", (accepted - start) / 1_000_000);
        System.out.printf("all %,d deliveries stored after : %,d ms (from the request)%n", RECIPIENTS, (allQueued - start) / 1_000_000);
        System.out.printf("first SMS reached Twilio after   : %,d ms (from the request; the fake counts arrivals)%n",
                (first - start) / 1_000_000);
        System.out.printf("again to %d, JVM warmed up       : answered in %,d ms, first SMS after %,d ms%n", WARM_PEOPLE.size(), warm[0], warm[1]);
        System.out.printf("messages sent (SENT rows)        : %,d of %,d in %.1f s%n", sent, RECIPIENTS, seconds);
        System.out.printf("throughput                       : %.0f messages/s%n", rate);
        System.out.printf("bound                            : %.0f/s = min(rate %d/s, concurrency %d / latency %d ms = %.0f/s)%n",
                bound, SlowTwilio.RATE, SlowTwilio.CONCURRENCY, SlowTwilio.LATENCY_MS, concurrencyBound);
        System.out.printf("ratio to bound                   : %.1f %%%n", 100 * rate / bound);
        System.out.printf("naive loop (one SDK call at once): %.1f messages/s (%d messages)%n", naive, NAIVE_SAMPLE);
        System.out.printf("speed-up over naive loop         : %.1f x%n", rate / naive);
        System.out.printf("peak RSS of the service          : %,d MB (%,d MB after importing the %,d contacts)%n",
                peakRss, rssAfterImport, RECIPIENTS);
        System.out.printf("JVM options of the service      : %s%n%n", PackagedService.jvmOptions());
    }

    /**
     * A second bulletin once the first is sent, when the code paths are compiled: to ten people, and sent before it
     * returns, so that nothing of it is still going out while the naive loop is timed against the same fake.
     */
    private static long[] firstSmsOfAnotherBulletin() throws InterruptedException {
        SlowTwilio.clearCounts();
        long start = System.nanoTime();
        admin().contentType("application/json").body(Map.of("text", "Nästa besked kl 15.", "contactIds", WARM_PEOPLE))
                .post("/api/bulletins").then().statusCode(201);
        long answered = System.nanoTime();
        while (SlowTwilio.REQUESTS.get() < WARM_PEOPLE.size() && System.nanoTime() - start < Duration.ofMinutes(1).toNanos()) {
            Thread.sleep(5);
        }
        return new long[] {(answered - start) / 1_000_000, (SlowTwilio.FIRST_REQUEST_NANOS.get() - start) / 1_000_000};
    }

    private static long smsDeliveries(long id) {
        Map<String, Number> sms = admin().get("/api/bulletins/" + id).then().extract().path("deliveries.sms");
        return sms.values().stream().mapToLong(Number::longValue).sum();
    }

    /** Twilio's samples: one blocking create() after another, on the SDK's own client settings. */
    private static double naiveLoop() {
        TwilioRestClient client = new TwilioRestClient.Builder(SlowTwilio.ACCOUNT_SID, SlowTwilio.AUTH_TOKEN)
                .httpClient(new BaseUrlHttpClient(URI.create(SlowTwilio.server().baseUrl()), 1))
                .build();
        long start = System.nanoTime();
        for (int i = 0; i < NAIVE_SAMPLE; i++) {
            Message.creator(new PhoneNumber("+4670" + (2000000 + i)), new PhoneNumber("Outband"), "Naiv loop").create(client);
        }
        return NAIVE_SAMPLE / ((System.nanoTime() - start) / 1e9);
    }
}
