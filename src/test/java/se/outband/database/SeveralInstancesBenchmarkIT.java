package se.outband.database;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import se.outband.benchmark.BoundedTwilio;
import se.outband.benchmark.PackagedService;
import se.outband.database.InstancesOnPostgres.Instance;
import se.outband.messaging.providers.sms.SlowTwilio;

/**
 * One instance, then two, on one PostgreSQL sending to the same fake Twilio, whose account allows
 * {@link #RATE} messages a second. Each instance sends {@link #CONCURRENCY} at a time and the fake
 * answers after a fixed latency, so one instance alone is held to concurrency ÷ latency; two could
 * send twice that, but the provider's rate holds for both together (one bucket in the database).
 * Prints the throughput of each against its bound. Run with {@code ./mvnw verify -Pbenchmark}.
 */
@Tag("benchmark")
class SeveralInstancesBenchmarkIT {

    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 6000);
    private static final int CONCURRENCY = 10;
    private static final int RATE = 300;
    private static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 50);

    private final BoundedTwilio twilio = new BoundedTwilio(LATENCY_MS, 2 * CONCURRENCY);

    @Test
    void oneInstanceThenTwoAgainstTheSameProviderBound() throws Exception {
        // A fake of its own: one shared with an earlier benchmark counted what that one's service was still sending.
        Map<String, String> settings = new HashMap<>(PackagedService.settings());
        settings.putAll(twilio.settings(CONCURRENCY, RATE));
        try (twilio; InstancesOnPostgres instances = new InstancesOnPostgres(Path.of("target", "several-instances-benchmark"), settings)) {
            Instance a = instances.ready(instances.launch("a"));
            a.admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS, "Alla")).post("/api/contacts/import")
                    .then().statusCode(200);
            double perInstance = CONCURRENCY * 1000.0 / LATENCY_MS;

            double one = send(a, "En instans skickar.");
            Instance b = instances.ready(instances.launch("b"));
            double two = send(b, "Två instanser skickar.");
            int byA = twilio.from(a.sender());
            int byB = twilio.from(b.sender());

            double boundOne = Math.min(RATE, perInstance);
            double boundTwo = Math.min(RATE, 2 * perInstance);
            System.out.printf("%n=== Several instances: %,d SMS per bulletin, fake Twilio latency %d ms, %d at a time per instance,"
                    + " provider rate %d/s for the account ===%n", RECIPIENTS, LATENCY_MS, CONCURRENCY, RATE);
            System.out.printf("one instance  : %6.1f msg/s of a bound of %5.1f (%3.0f %%)%n", one, boundOne, 100 * one / boundOne);
            System.out.printf("two instances : %6.1f msg/s of a bound of %5.1f (%3.0f %%); without a shared rate they could reach %.1f%n",
                    two, boundTwo, 100 * two / boundTwo, 2 * perInstance);
            System.out.printf("sent by a / b in the second bulletin: %d / %d%n%n", byA, byB);
            assertTrue(byA > 0 && byB > 0, "both sent: " + byA + " / " + byB);
            // Allow the bucket's first burst (one second's worth) on top of the rate.
            assertTrue(two <= RATE * (1 + 1.0 * RATE / RECIPIENTS) * 1.05, two + " msg/s: the provider's rate was exceeded");
        }
    }

    /** Sends one bulletin to everyone through {@code via} and returns the messages a second the fake saw. */
    private double send(Instance via, String text) {
        twilio.clear();
        via.admin().contentType("application/json").body(Map.of("text", text, "groups", List.of("Alla")))
                .post("/api/bulletins").then().statusCode(201);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> twilio.requests() >= RECIPIENTS);
        assertEquals(RECIPIENTS, twilio.perNumber().size(), "everyone asked for once");
        return twilio.requests() * 1e9 / Math.max(1, twilio.lastNanos() - twilio.firstNanos());
    }
}
