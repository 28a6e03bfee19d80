package se.outband.database;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.outband.database.InstancesOnPostgres.Instance;
import se.outband.messaging.providers.sms.SlowTwilio;

/**
 * The database's primary dies mid-send and its hot standby is promoted, as a PostgreSQL failover pair (or
 * a managed PostgreSQL) does: Outband, given both hosts, finds the new primary by itself, says it is not
 * ready while no primary answers, and finishes the send with nobody lost.
 */
class PrimaryFailoverIT {

    private static final int CONCURRENCY = 8;
    private static final int RECIPIENTS = 1500;
    private static final int KILL_AFTER = 500;

    private static SlowTwilio twilio;
    private static InstancesOnPostgres instances;

    @BeforeAll
    static void anInstanceOnAPrimaryWithAStandby() throws Exception {
        twilio = new SlowTwilio();
        Map<String, String> settings = new HashMap<>(twilio.start());
        settings.putAll(Map.of("outband.sms.max-concurrency", Integer.toString(CONCURRENCY), "outband.sms.rate-per-second", "2000"));
        instances = new InstancesOnPostgres(Path.of("target", "primary-failover"), settings, true);
        instances.ready(instances.launch("a"));
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
        if (twilio != null) {
            twilio.stop();
        }
    }

    @Test
    void whenThePrimaryDiesMidSendTheStandbyTakesOverAndNobodyIsLost() throws Exception {
        Instance a = instances.get("a");
        a.admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS, "Alla")).post("/api/contacts/import").then().statusCode(200);
        SlowTwilio.clearCounts();
        long id = a.admin().contentType("application/json").body(Map.of("text", "Krisledningen samlas kl 15.", "groups", List.of("Alla")))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> SlowTwilio.requests() >= KILL_AFTER);
        long killed = System.nanoTime();
        instances.primary().kill();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> ready(a) == 503);
        Duration down = Duration.ofNanos(System.nanoTime() - killed);
        // Not ready for as long as no primary answers (a load balancer sends nobody to it meanwhile): asked again
        // and again for a few seconds, however long each answer takes while the driver looks for a primary.
        for (long until = System.nanoTime() + Duration.ofSeconds(3).toNanos(); System.nanoTime() < until;) {
            assertEquals(503, ready(a), "not ready while no primary answers");
        }

        long promoting = System.nanoTime();
        instances.standby().promote();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ready(a) == 200);
        Duration upAgain = Duration.ofNanos(System.nanoTime() - promoting);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> sent(a, id) == RECIPIENTS);
        Duration lastAfterPromotion = Duration.ofNanos(SlowTwilio.lastRequestNanos() - promoting);

        System.out.printf("Primary killed after %,d requests: not ready %,d ms later; standby promoted, ready again %,d ms after;"
                + " %,d of %,d reached, %d asked twice, the last %,d ms after the promotion%n", KILL_AFTER, down.toMillis(),
                upAgain.toMillis(), SlowTwilio.perNumber().size(), RECIPIENTS, duplicates(), lastAfterPromotion.toMillis());
        assertEquals(RECIPIENTS, SlowTwilio.perNumber().size(), "everyone reached");
        assertTrue(duplicates() <= CONCURRENCY, duplicates() + " asked twice: more than were in flight");
    }

    private static int ready(Instance instance) {
        try {
            return given().port(instance.port()).get("/q/health/ready").statusCode();
        } catch (RuntimeException noAnswer) {
            return 0;
        }
    }

    private static int duplicates() {
        return SlowTwilio.perNumber().values().stream().mapToInt(AtomicInteger::get).map(n -> n - 1).sum();
    }

    private static int sent(Instance instance, long id) {
        Map<String, Number> sms = instance.admin().get("/api/bulletins/" + id).then().statusCode(200).extract().path("deliveries.sms");
        return sms.getOrDefault("SENT", 0).intValue();
    }
}
