package se.outband.database;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import se.outband.benchmark.PackagedService;
import se.outband.database.InstancesOnPostgres.Instance;
import se.outband.messaging.providers.sms.SlowTwilio;

/**
 * Two packaged instances on one real PostgreSQL ({@link InstancesOnPostgres}): a session and a status
 * change made on one are good on the other, each change is published once and in order, a bulletin is sent by both
 * without anyone asked twice, when one is killed (kill -9) mid-send the other finishes it with nobody
 * lost and within seconds, and one stopped (SIGTERM, as a rolling restart does) mid-send sends nobody twice.
 * The lease is the shipped one: these measure what an administrator gets.
 */
class SeveralInstancesIT {

    /** Sends at the same time per instance: at most this many are sent again after a kill -9. */
    private static final int CONCURRENCY = 8;
    private static final int RECIPIENTS = 1500;
    private static final int KILL_AFTER = 500;
    /** The longest a dead instance's messages may wait for another instance: a crisis cannot wait minutes. */
    private static final Duration TAKEN_OVER_WITHIN = Duration.ofSeconds(30);

    private static final Path WORK = Path.of("target", "several-instances");
    private static final Path PUBLISHES = WORK.resolve("publishes.log").toAbsolutePath();
    /** Each upload as it begins; {@link #PUBLISHES} has it once it has landed. */
    private static final Path UPLOADS = WORK.resolve("uploads.log").toAbsolutePath();
    /** The static host the publish command copies status.json to, slowly and unevenly, as an upload over the internet. */
    private static final Path STATIC_HOST = WORK.resolve("static-host.json").toAbsolutePath();
    private static SlowTwilio twilio;
    private static InstancesOnPostgres instances;

    @BeforeAll
    static void twoInstancesOnOnePostgres() throws Exception {
        twilio = new SlowTwilio();
        Map<String, String> settings = new HashMap<>(twilio.start());
        settings.putAll(Map.of(
                "outband.sms.max-concurrency", Integer.toString(CONCURRENCY),
                "outband.sms.rate-per-second", "2000",
                "outband.status.publish-command", "echo {dir} >> " + UPLOADS + "; sleep 0.$(shuf -i 1-9 -n 1); cp {dir}/status.json "
                        + STATIC_HOST + "; echo {dir} >> " + PUBLISHES,
                "quarkus.log.category.\"se.outband\".level", "INFO"));
        instances = new InstancesOnPostgres(WORK, settings);
        Instance a = instances.launch("a");
        Instance b = instances.launch("b");
        instances.ready(a);
        instances.ready(b);
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

    /** Each test starts with both instances up, whatever an earlier one killed. */
    @BeforeEach
    void bothRunning() throws IOException {
        for (String name : List.of("a", "b")) {
            if (!instances.get(name).process().isAlive()) {
                instances.ready(instances.launch(name));
            }
        }
    }

    @Test
    void aSessionAndStatusChangesAreGoodOnEitherInstanceAndPublishedOnceInOrder() throws Exception {
        Instance a = instances.get("a");
        Instance b = instances.get("b");
        String csrf = given().port(a.port()).get("/login").then().statusCode(200).extract().cookie("outband-csrf");
        Response signIn = given().port(a.port()).redirects().follow(false).cookie("outband-csrf", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", csrf, "username", "admin", "password", PackagedService.ADMIN_PASSWORD)).post("/login");
        assertEquals(303, signIn.statusCode(), "signed in on a");
        Map<String, String> cookies = Map.of("outband-session", signIn.getCookie("outband-session"), "outband-csrf", csrf);
        // One instance publishes (what it rendered at its start); the other only renders.
        await().atMost(Duration.ofSeconds(10)).until(() -> publishes() >= 1);
        long publishedBefore = publishes();

        String system = "Växel " + UUID.randomUUID();
        long changedAt = System.nanoTime();
        given().port(b.port()).redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", csrf, "name", system, "state", "down", "priority", "1"))
                .post("/app/status/services").then().statusCode(303);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().port(a.port()).get("/status/status.json").asString().contains(system));
        System.out.printf("A change made on b was shown by a after %,d ms%n", (System.nanoTime() - changedAt) / 1_000_000);
        // Both instances have rendered it now. Published once, and for longer than the one that must not publish takes
        // to notice the change (2 s) and upload it (under a second), no second time.
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10)).until(() -> publishes() == publishedBefore + 1);
        assertEquals(publishedBefore + 1, publishes(), "the change was published once, not once per instance");
        given().port(a.port()).cookies(cookies).get("/app/").then().statusCode(200);

        // Changes in quick succession on both instances: the static host ends with the last, whatever each upload takes.
        long id = a.admin().get("/api/status/services").jsonPath().getList("findAll { it.name == '" + system + "' }.id", Long.class).get(0);
        for (int i = 1; i <= 6; i++) {
            long uploadsBefore = lines(UPLOADS);
            (i % 2 == 0 ? a : b).admin().contentType("application/json")
                    .body(Map.of("name", system, "state", "restoring", "priority", 1, "note", "Ändring " + i))
                    .put("/api/status/services/" + id).then().statusCode(200);
            // The next change comes while this one is on its way to the static host, however long its upload takes.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> lines(UPLOADS) > uploadsBefore);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.readString(STATIC_HOST).contains("Ändring 6"));
        // For longer than any upload takes (under a second): one still on its way would have landed.
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2)).pollDelay(Duration.ZERO)
                .until(() -> Files.readString(STATIC_HOST).contains("Ändring 6"));
        assertTrue(Files.readString(STATIC_HOST).contains("Ändring 6"), "no older version overtook the last one on the static host");
    }

    @Test
    void whenOneInstanceIsKilledMidSendTheOtherFinishesItAndNobodyIsLost() throws Exception {
        Instance a = instances.get("a");
        Instance b = instances.get("b");
        String group = "Alla-" + UUID.randomUUID().toString().substring(0, 8);
        a.admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS, group)).post("/api/contacts/import")
                .then().statusCode(200);
        SlowTwilio.clearCounts();
        long id = b.admin().contentType("application/json").body(Map.of("text", "Krisledningen samlas kl 14.", "groups", List.of(group)))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> SlowTwilio.requests() >= KILL_AFTER);
        a.process().destroyForcibly().waitFor();
        long killed = System.nanoTime();
        int askedTwiceWhileBothRan = duplicates();
        Map<String, Integer> bySender = SlowTwilio.perSender();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> sent(b, id) == RECIPIENTS);
        Duration lastAfterKill = Duration.ofNanos(SlowTwilio.lastRequestNanos() - killed);
        System.out.printf("Killed a after %,d requests (a %s, b %s); b finished: %,d of %,d reached, %d asked twice,"
                + " the last %,d ms after the kill%n", KILL_AFTER, bySender.get(a.sender()), bySender.get(b.sender()),
                SlowTwilio.perNumber().size(), RECIPIENTS, duplicates(), lastAfterKill.toMillis());
        assertTrue(bySender.getOrDefault(a.sender(), 0) > 0 && bySender.getOrDefault(b.sender(), 0) > 0,
                "both instances were sending: " + bySender);
        assertEquals(0, askedTwiceWhileBothRan, "two live dispatchers never take the same message");
        assertEquals(RECIPIENTS, SlowTwilio.perNumber().size(), "everyone reached");
        assertTrue(duplicates() <= CONCURRENCY, duplicates() + " asked twice: more than a could have had in flight");
        assertTrue(lastAfterKill.compareTo(TAKEN_OVER_WITHIN) <= 0, "the dead instance's messages went out " + lastAfterKill + " after");
    }

    /** A rolling restart: one instance is stopped as a service manager stops it, mid-send, and started again. */
    @Test
    void anInstanceStoppedMidSendFinishesWhatItHoldsAndNobodyIsAskedTwice() throws Exception {
        Instance a = instances.get("a");
        Instance b = instances.get("b");
        String group = "Omstart-" + UUID.randomUUID().toString().substring(0, 8);
        a.admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS, group)).post("/api/contacts/import")
                .then().statusCode(200);
        SlowTwilio.clearCounts();
        long id = b.admin().contentType("application/json").body(Map.of("text", "Omstart mitt i utskicket.", "groups", List.of(group)))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> SlowTwilio.requests() >= KILL_AFTER);
        long stopping = System.nanoTime();
        a.process().destroy();
        assertTrue(a.process().waitFor(20, TimeUnit.SECONDS), "a stopped on SIGTERM");
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
        instances.ready(instances.launch("a"));

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> sent(b, id) == RECIPIENTS);
        System.out.printf("Stopped a (SIGTERM) after %,d requests; it exited in %,d ms; %,d of %,d reached, %d asked twice%n",
                KILL_AFTER, stopped.toMillis(), SlowTwilio.perNumber().size(), RECIPIENTS, duplicates());
        assertEquals(RECIPIENTS, SlowTwilio.perNumber().size(), "everyone reached");
        assertEquals(0, duplicates(), "a stopping instance finishes what it holds and hands back the rest: nobody twice");
        assertTrue(stopped.compareTo(Duration.ofSeconds(15)) < 0, "it stopped within its 10 seconds to finish: " + stopped);
    }

    /** Planned on one instance, due while the other restarts: sent once, by whichever claims it first. */
    @Test
    void aPlannedBulletinIsSentOnceByOneOfTwoInstancesAcrossARestart() throws Exception {
        Instance a = instances.get("a");
        Instance b = instances.get("b");
        int people = 50;
        String group = "Plan-" + UUID.randomUUID().toString().substring(0, 8);
        a.admin().contentType("text/csv").body(SlowTwilio.everyone(people, group)).post("/api/contacts/import").then().statusCode(200);
        SlowTwilio.clearCounts();
        String sendAt = OffsetDateTime.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS).toString();
        long planned = a.admin().contentType("application/json")
                .body(Map.of("text", "Lönebeskeden kommer på papper.", "groups", List.of(group), "sendAt", sendAt))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();

        a.process().destroy();
        assertTrue(a.process().waitFor(20, TimeUnit.SECONDS), "a stopped on SIGTERM");
        Instance restarted = instances.ready(instances.launch("a"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "SENT".equals(restarted.admin().get("/api/bulletins/planned/" + planned).then().statusCode(200)
                        .extract().path("state")));
        long id = b.admin().get("/api/bulletins/planned/" + planned).then().statusCode(200).extract().<Number>path("bulletinId").longValue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> sent(b, id) == people);
        // Longer than the planned-sends job's period (5 s) on both: a second claim would have sent again by now.
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> SlowTwilio.requests() == people);
        assertEquals(people, SlowTwilio.perNumber().size(), "everyone reached");
        assertEquals(0, duplicates(), "sent once, not once per instance");
        assertEquals(1L, b.admin().get("/api/bulletins?limit=500").jsonPath().getList("text").stream()
                .filter("Lönebeskeden kommer på papper."::equals).count(), "one bulletin");
    }

    private static int duplicates() {
        return SlowTwilio.perNumber().values().stream().mapToInt(AtomicInteger::get).map(n -> n - 1).sum();
    }

    private static int sent(Instance instance, long id) {
        Map<String, Number> sms = instance.admin().get("/api/bulletins/" + id).then().statusCode(200).extract().path("deliveries.sms");
        return sms.getOrDefault("SENT", 0).intValue();
    }

    private static long publishes() throws IOException {
        return lines(PUBLISHES);
    }

    private static long lines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }
}
