package se.outband.messaging.providers.sms;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;
import se.outband.PackagedJar;
import se.outband.benchmark.PackagedService;

/**
 * Kills the packaged service with SIGKILL (kill -9) while it sends a bulletin to 3,000 people,
 * starts it again on the same data, and counts the messages Twilio was asked for twice. The
 * outbox's promise: nobody is lost, and at most the messages in flight (max-concurrency) are
 * sent again. Run with {@code ./mvnw verify -Pbenchmark}; it prints the figures and asserts
 * that everyone was reached.
 */
@Tag("benchmark")
class CrashBenchmarkIT {

    private static final int RECIPIENTS = 3000;
    private static final int CONCURRENCY = 16;
    private static final int KILL_AFTER = 1000;

    private final SlowTwilio twilio = new SlowTwilio();
    private Process service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
        twilio.stop();
    }

    @Test
    void killDashNineMidSend() throws Exception {
        Map<String, String> settings = new HashMap<>(twilio.start());
        settings.put("outband.sms.max-concurrency", Integer.toString(CONCURRENCY));
        settings.put("quarkus.http.port", Integer.toString(PackagedJar.freePort()));
        service = start(settings);

        admin(settings).contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS))
                .post("/api/contacts/import").then().statusCode(200);
        SlowTwilio.clearCounts();
        long id = admin(settings).contentType("application/json")
                .body(Map.of("text", "Krisledningen samlas kl 14 i stadshuset.", "groups", List.of("Alla")))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> SlowTwilio.REQUESTS.get() >= KILL_AFTER);
        service.destroyForcibly().waitFor();
        long askedBeforeKill = SlowTwilio.REQUESTS.get();

        long restart = System.nanoTime();
        service = start(settings);
        long startedMillis = (System.nanoTime() - restart) / 1_000_000;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> sent(settings, id) == RECIPIENTS);

        int duplicates = SlowTwilio.PER_NUMBER.values().stream().mapToInt(AtomicInteger::get).map(n -> n - 1).sum();
        System.out.printf("%n=== Crash benchmark: kill -9 mid-send of %,d SMS, max-concurrency %d ===%n", RECIPIENTS, CONCURRENCY);
        System.out.printf("asked of Twilio before the kill  : %,d%n", askedBeforeKill);
        System.out.printf("service ready again after        : %,d ms%n", startedMillis);
        System.out.printf("people reached                   : %,d of %,d%n", SlowTwilio.PER_NUMBER.size(), RECIPIENTS);
        System.out.printf("messages sent twice (duplicates) : %d (at most %d expected: those in flight)%n", duplicates, CONCURRENCY);
        System.out.printf("JVM options of the service       : %s%n%n", PackagedService.jvmOptions());
        assertEquals(RECIPIENTS, SlowTwilio.PER_NUMBER.size(), "everyone reached after the restart");
        assertTrue(duplicates <= CONCURRENCY, duplicates + " sent twice: more than were in flight");
    }

    private static RequestSpecification admin(Map<String, String> settings) {
        return given().port(Integer.parseInt(settings.get("quarkus.http.port")))
                .auth().preemptive().basic("admin", PackagedService.ADMIN_PASSWORD);
    }

    private static int sent(Map<String, String> settings, long id) {
        Map<String, Number> sms = admin(settings).get("/api/bulletins/" + id).then().extract().path("deliveries.sms");
        return sms.getOrDefault("SENT", 0).intValue();
    }

    private static Process start(Map<String, String> settings) throws IOException {
        return PackagedJar.start(Integer.parseInt(settings.get("quarkus.http.port")), Map.of(), settings,
                Path.of("target", "crash-benchmark.log"));
    }
}
