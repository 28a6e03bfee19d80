package se.outband.database;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.outband.PackagedJar;
import se.outband.benchmark.PackagedService;
import se.outband.messaging.sms.SlowTwilio;

/**
 * Two packaged instances on one real PostgreSQL, each started by the package's own start script (which
 * first rebuilds a copy of the package for PostgreSQL, as an administrator's first start does): a
 * session and a status change made on one are good on the other, each change is published once, a
 * bulletin is sent by both without anyone asked twice, and when one is killed (kill -9) mid-send the
 * other finishes it with nobody lost.
 */
class SeveralInstancesIT {

    /** Sends at the same time per instance: at most this many are sent again after a kill -9. */
    private static final int CONCURRENCY = 8;
    private static final int RECIPIENTS = 3000;
    private static final int KILL_AFTER = 1000;

    private static final Path WORK = Path.of("target", "several-instances");
    private static final Path PUBLISHES = WORK.resolve("publishes.log").toAbsolutePath();
    private static PostgresServer postgres;
    private static SlowTwilio twilio;
    private static Path app;
    private static Map<String, String> database;
    private static Map<String, String> shared;
    private static final Map<String, Instance> INSTANCES = new HashMap<>();

    /** One instance: its own port, data folder, log and sender name (so the fake Twilio tells them apart). */
    private record Instance(String name, int port, Path log, Process process) {
        RequestSpecification admin() {
            return given().port(port).auth().preemptive().basic("admin", PackagedService.ADMIN_PASSWORD);
        }
    }

    @BeforeAll
    static void twoInstancesOnOnePostgres() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        postgres = PostgresServer.start();
        database = Map.of("OUTBAND_DATABASE_URL", postgres.url(), "OUTBAND_DATABASE_USERNAME", PostgresServer.USER,
                "OUTBAND_DATABASE_PASSWORD", PostgresServer.PASSWORD);
        app = copyOfThePackage();
        Process rebuild = PackagedJar.launchScript(app, true, database, Map.of(), WORK.resolve("rebuild.log"));
        assertTrue(rebuild.waitFor(3, TimeUnit.MINUTES) && rebuild.exitValue() == 0, "the package was rebuilt for PostgreSQL: see rebuild.log");

        twilio = new SlowTwilio();
        shared = new HashMap<>(twilio.start());
        shared.putAll(Map.of(
                "outband.sms.max-concurrency", Integer.toString(CONCURRENCY),
                "outband.sms.rate-per-second", "2000",
                // A dead instance's messages are taken over after this; the shortest lease allowed.
                "outband.outbox.lease", "PT10S",
                "outband.status.publish-command", "echo {dir} >> " + PUBLISHES,
                "quarkus.log.category.\"se.outband\".level", "INFO"));
        launch("a");
        launch("b");
        for (String name : List.of("a", "b")) {
            awaitReady(name);
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.values().forEach(instance -> instance.process().destroyForcibly());
        if (twilio != null) {
            twilio.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Each test starts with both instances up, whatever an earlier one killed. */
    @BeforeEach
    void bothRunning() throws IOException {
        for (String name : List.of("a", "b")) {
            if (!INSTANCES.get(name).process().isAlive()) {
                launch(name);
                awaitReady(name);
            }
        }
    }

    @Test
    void aSessionAndAStatusChangeAreGoodOnEitherInstanceAndEachChangeIsPublishedOnce() throws Exception {
        Instance a = INSTANCES.get("a");
        Instance b = INSTANCES.get("b");
        String csrf = given().port(a.port()).get("/login").then().statusCode(200).extract().cookie("outband-csrf");
        Response signIn = given().port(a.port()).redirects().follow(false).cookie("outband-csrf", csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", csrf, "username", "admin", "password", PackagedService.ADMIN_PASSWORD)).post("/login");
        assertEquals(303, signIn.statusCode(), "signed in on a");
        Map<String, String> cookies = Map.of("outband-session", signIn.getCookie("outband-session"), "outband-csrf", csrf);
        await().atMost(Duration.ofSeconds(10)).until(() -> publishes() >= 2);
        long publishedBefore = publishes();

        String system = "Växel " + UUID.randomUUID();
        long changedAt = System.nanoTime();
        given().port(b.port()).redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", csrf, "name", system, "state", "down", "priority", "1"))
                .post("/app/status/services").then().statusCode(303);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().port(a.port()).get("/status/status.json").asString().contains(system));
        long shownMillis = (System.nanoTime() - changedAt) / 1_000_000;
        System.out.printf("A change made on b was shown by a after %,d ms%n", shownMillis);

        // Both instances have rendered it now; give a publish by the one that did not win the time to happen.
        Thread.sleep(3000);
        assertEquals(publishedBefore + 1, publishes(), "the change was published once, not once per instance");
        given().port(a.port()).cookies(cookies).get("/app/").then().statusCode(200);
    }

    @Test
    void whenOneInstanceIsKilledMidSendTheOtherFinishesItAndNobodyIsLost() throws Exception {
        Instance a = INSTANCES.get("a");
        Instance b = INSTANCES.get("b");
        String group = "Alla-" + UUID.randomUUID().toString().substring(0, 8);
        a.admin().contentType("text/csv").body(SlowTwilio.everyone(RECIPIENTS, group)).post("/api/contacts/import")
                .then().statusCode(200);
        SlowTwilio.clearCounts();
        long id = b.admin().contentType("application/json").body(Map.of("text", "Krisledningen samlas kl 14.", "groups", List.of(group)))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> SlowTwilio.requests() >= KILL_AFTER);
        a.process().destroyForcibly().waitFor();
        int askedTwiceWhileBothRan = duplicates();
        Map<String, Integer> bySender = new HashMap<>();
        SlowTwilio.perSender().forEach((sender, count) -> bySender.put(sender, count.get()));

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> sent(b, id) == RECIPIENTS);
        System.out.printf("Killed a after %,d requests (a %s, b %s); b finished: %,d of %,d reached, %d asked twice%n",
                KILL_AFTER, bySender.get("OutbandA"), bySender.get("OutbandB"), SlowTwilio.perNumber().size(), RECIPIENTS, duplicates());
        assertTrue(bySender.getOrDefault("OutbandA", 0) > 0 && bySender.getOrDefault("OutbandB", 0) > 0,
                "both instances were sending: " + bySender);
        assertEquals(0, askedTwiceWhileBothRan, "two live dispatchers never take the same message");
        assertEquals(RECIPIENTS, SlowTwilio.perNumber().size(), "everyone reached");
        assertTrue(duplicates() <= CONCURRENCY, duplicates() + " asked twice: more than a could have had in flight");
    }

    private static int duplicates() {
        return SlowTwilio.perNumber().values().stream().mapToInt(AtomicInteger::get).map(n -> n - 1).sum();
    }

    private static int sent(Instance instance, long id) {
        Map<String, Number> sms = instance.admin().get("/api/bulletins/" + id).then().statusCode(200).extract().path("deliveries.sms");
        return sms.getOrDefault("SENT", 0).intValue();
    }

    private static long publishes() throws IOException {
        return Files.exists(PUBLISHES) ? Files.readAllLines(PUBLISHES).size() : 0;
    }

    private static void launch(String name) throws IOException {
        Instance known = INSTANCES.get(name);
        int port = known == null ? PackagedJar.freePort() : known.port();
        Map<String, String> settings = new HashMap<>(shared);
        settings.putAll(Map.of(
                "quarkus.http.port", Integer.toString(port),
                "outband.public-url", "http://localhost:" + port,
                "outband.data-dir", WORK.resolve("data-" + name).toAbsolutePath().toString(),
                "outband.sms.twilio.from", "Outband" + name.toUpperCase()));
        Path log = WORK.resolve(name + ".log");
        INSTANCES.put(name, new Instance(name, port, log, PackagedJar.launchScript(app, false, database, settings, log)));
    }

    private static void awaitReady(String name) {
        Instance instance = INSTANCES.get(name);
        PackagedJar.awaitReady(instance.process(), instance.port(), instance.log());
    }

    private static Path copyOfThePackage() throws IOException {
        Path source = Path.of("target", "quarkus-app");
        Path copy = WORK.resolve("package").resolve("quarkus-app");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy.toAbsolutePath();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
