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

    @Test
    void oneInstanceThenTwoAgainstTheSameProviderBound() throws Exception {
        SlowTwilio twilio = new SlowTwilio();
        Map<String, String> settings = new HashMap<>(twilio.start());
        settings.putAll(Map.of("outband.sms.max-concurrency", Integer.toString(CONCURRENCY),
                "outband.sms.rate-per-second", Integer.toString(RATE)));
        try (InstancesOnPostgres instances = new InstancesOnPostgres(Path.of("target", "several-instances-benchmark"), settings)) {
            Instance a = instances.ready(instances.launch("a"));
            a.admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS, "Alla")).post("/api/contacts/import")
                    .then().statusCode(200);
            double perInstance = CONCURRENCY * 1000.0 / SlowTwilio.latencyMillis();

            double one = send(a, "En instans skickar.");
            Instance b = instances.ready(instances.launch("b"));
            double two = send(b, "Två instanser skickar.");
            Map<String, Integer> bySender = SlowTwilio.perSender();

            double boundOne = Math.min(RATE, perInstance);
            double boundTwo = Math.min(RATE, 2 * perInstance);
            System.out.printf("%n=== Several instances: %,d SMS per bulletin, fake Twilio latency %d ms, %d at a time per instance,"
                    + " provider rate %d/s for the account ===%n", RECIPIENTS, SlowTwilio.latencyMillis(), CONCURRENCY, RATE);
            System.out.printf("one instance  : %6.1f msg/s of a bound of %5.1f (%3.0f %%)%n", one, boundOne, 100 * one / boundOne);
            System.out.printf("two instances : %6.1f msg/s of a bound of %5.1f (%3.0f %%); without a shared rate they could reach %.1f%n",
                    two, boundTwo, 100 * two / boundTwo, 2 * perInstance);
            System.out.printf("sent by a / b in the second bulletin: %s / %s%n%n", bySender.get(a.sender()), bySender.get(b.sender()));
            assertTrue(bySender.getOrDefault(a.sender(), 0) > 0 && bySender.getOrDefault(b.sender(), 0) > 0, "both sent: " + bySender);
            // Allow the bucket's first burst (one second's worth) on top of the rate.
            assertTrue(two <= RATE * (1 + 1.0 * RATE / RECIPIENTS) * 1.05, two + " msg/s: the provider's rate was exceeded");
        } finally {
            twilio.stop();
        }
    }

    /** Sends one bulletin to everyone through {@code via} and returns the messages a second the fake saw. */
    private static double send(Instance via, String text) {
        SlowTwilio.clearCounts();
        via.admin().contentType("application/json").body(Map.of("text", text, "groups", List.of("Alla")))
                .post("/api/bulletins").then().statusCode(201);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() -> SlowTwilio.requests() >= RECIPIENTS);
        assertEquals(RECIPIENTS, SlowTwilio.perNumber().size(), "everyone asked for once");
        return SlowTwilio.requestsPerSecond();
    }
}
