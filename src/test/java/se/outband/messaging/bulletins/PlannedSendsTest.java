package se.outband.messaging.bulletins;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.common.ScheduledJobs;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;

/**
 * A bulletin with a send time is checked and stored at once, listed as planned, cancellable until then,
 * refused with a sentence for a time past or more than a year ahead, and sent at its time exactly once
 * however many claim it at the same moment (as the job on several instances does). The clock is moved,
 * not waited for; the scheduled job is paused so that the test decides who claims it.
 */
@QuarkusTest
class PlannedSendsTest {

    @Inject
    TestClock clock;

    @Inject
    ScheduledJobs jobs;

    @Inject
    PlannedSends planned;

    private String group;

    @BeforeEach
    void people() throws InterruptedException {
        jobs.pause("planned-sends");
        group = "plan" + UUID.randomUUID().toString().substring(0, 6);
        TestApi.asAdmin().contentType("text/csv").body(("id,name,mobile,groups\n" + group + "1,Pia Plan,070-7200001," + group + "\n"
                + group + "2,Per Plan,070-7200002," + group + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
    }

    @AfterEach
    void reset() {
        clock.reset();
        jobs.resume("planned-sends");
        FakeProviders.reset();
    }

    private String inStockholm(Duration fromNow) {
        return OffsetDateTime.ofInstant(clock.instant().plus(fromNow), ZoneId.of("Europe/Stockholm")).toString();
    }

    private io.restassured.response.ValidatableResponse plan(String text, String sendAt) {
        return as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", text, "groups", List.of(group), "drill", true, "sendAt", sendAt))
                .post("/api/bulletins").then();
    }

    private static long bulletinsWith(String text) {
        return QuarkusTransaction.requiringNew().call(() -> Bulletin.count("text", text));
    }

    @Test
    void aTimePastOrMoreThanAYearAheadIsRefusedWithASentenceAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> PlannedBulletin.count());
        plan("För sent", inStockholm(Duration.ofMinutes(-1))).statusCode(400).body("error", containsString("har redan varit"));
        as(Roles.SENDER).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("text", "Too far", "groups", List.of(group), "sendAt", inStockholm(Duration.ofDays(400))))
                .post("/api/bulletins").then().statusCode(400).body("error", containsString("at most a year ahead"));
        long valid = plan("Giltig", inStockholm(Duration.ofHours(1))).statusCode(201).extract().<Number>path("id").longValue();
        as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", "Okänd grupp", "groups", List.of("finns-inte-" + group), "sendAt", inStockholm(Duration.ofHours(1))))
                .post("/api/bulletins").then().statusCode(400).body("error", containsString("Gruppen finns inte"));
        as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", "Bara en förhandsvisning", "groups", List.of(group), "sendAt", inStockholm(Duration.ofHours(1))))
                .post("/api/bulletins?dryRun=true").then().statusCode(200).body("recipients", equalTo(2)).body("state", equalTo("PLANNED"));
        assertEquals(before + 1, QuarkusTransaction.requiringNew().call(() -> PlannedBulletin.count()),
                "only the valid one (planned an hour ahead) is stored");
        as(Roles.SENDER).delete("/api/bulletins/planned/" + valid).then().statusCode(200);
    }

    @Test
    void aPlannedBulletinIsListedAndCanBeCancelledUntilItsTimeAndIsThenNeverSent() {
        String text = "Övningen i morgon " + UUID.randomUUID();
        long id = plan(text, inStockholm(Duration.ofMinutes(30))).statusCode(201)
                .header("Location", containsString("/api/bulletins/planned/")).body("state", equalTo("PLANNED"))
                .body("recipients", equalTo(2)).body("smsSegments", equalTo(1)).extract().<Number>path("id").longValue();
        as(Roles.SENDER).get("/api/bulletins/planned").then().statusCode(200).body("find { it.id == " + id + " }.text", equalTo(text));
        as(Roles.CONTACTS).delete("/api/bulletins/planned/" + id).then().statusCode(403);

        long auditBefore = TestApi.auditTotal();
        as(Roles.SENDER).delete("/api/bulletins/planned/" + id).then().statusCode(200).body("state", equalTo("CANCELLED"));
        as(Roles.SENDER).delete("/api/bulletins/planned/" + id).then().statusCode(409).body("error", containsString("redan avbrutet"));
        org.hamcrest.MatcherAssert.assertThat(TestApi.auditBy(Roles.SENDER, auditBefore),
                hasItem(org.hamcrest.Matchers.startsWith("bulletin.plan-cancelled planned=" + id)));

        clock.advance(Duration.ofMinutes(31));
        planned.sendDue();
        assertEquals(0, bulletinsWith(text), "a cancelled bulletin is not sent at its time");
        as(Roles.SENDER).get("/api/bulletins/planned/999999999").then().statusCode(404);
    }

    @Test
    void aDueBulletinClaimedByTwoAtOnceIsSentExactlyOnceAndOnlyWhenDue() throws Exception {
        String text = "Lönebesked skickas i dag " + UUID.randomUUID();
        long id = plan(text, inStockholm(Duration.ofMinutes(10))).statusCode(201).extract().<Number>path("id").longValue();

        planned.sendDue();
        assertEquals(0, bulletinsWith(text), "not before its time");

        clock.advance(Duration.ofMinutes(11));
        // Two instances' jobs finding it due at the same moment: one sends it, the other finds it claimed.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return planned.send(id);
                };
                claims.add(two.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertEquals(1, won, "exactly one claim sends it");
        } finally {
            two.shutdown();
        }
        planned.sendDue();
        assertEquals(1, bulletinsWith(text), "one bulletin, however many claimed it");

        long bulletinId = as(Roles.SENDER).get("/api/bulletins/planned/" + id).then().statusCode(200).body("state", equalTo("SENT"))
                .extract().<Number>path("bulletinId").longValue();
        as(Roles.SENDER).get("/api/bulletins/" + bulletinId).then().statusCode(200).body("recipients", equalTo(2))
                .body("drill", equalTo(true)).body("createdBy", equalTo(Roles.SENDER));
        await().atMost(Duration.ofSeconds(15)).until(() -> MessagingTestSupport.deliveries(bulletinId).size() == 2);
        MessagingTestSupport.awaitNothingLeftToSend(bulletinId);
        as(Roles.SENDER).delete("/api/bulletins/planned/" + id).then().statusCode(409).body("error", containsString("redan skickat"));
    }

    @Test
    void aLeaderPlansABulletinInTheFormSeesItListedAndCancelsIt() {
        Map<String, String> leader = TestApi.signInToUi("planerare", List.of(Roles.SENDER));
        String text = "Övning på torsdag " + UUID.randomUUID();
        String at = java.time.LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(2)), ZoneId.of("Europe/Stockholm"))
                .withSecond(0).withNano(0).toString();
        Map<String, String> form = Map.of("csrf", leader.get("outband-csrf"), "text", text, "groups", group,
                "channels", "sms", "sendAt", at);
        String confirm = io.restassured.RestAssured.given().cookies(leader).formParams(form).post("/app/bulletins/preview").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(confirm.contains("id=\"sends-at\"") && confirm.contains(at.replace('T', ' ')), confirm);
        io.restassured.RestAssured.given().cookies(leader).redirects().follow(false).formParams(form).post("/app/bulletins/send")
                .then().statusCode(303).header("Location", containsString("/app/planned"));
        assertEquals(0, bulletinsWith(text), "planned, not sent");
        long id = QuarkusTransaction.requiringNew().call(() -> PlannedBulletin.<PlannedBulletin>find("text", text).singleResult().id);
        String list = io.restassured.RestAssured.given().cookies(leader).get("/app/planned").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(list.contains(text) && list.contains("/app/planned/" + id + "/cancel"), list);

        String unreadable = io.restassured.RestAssured.given().cookies(leader)
                .formParams(Map.of("csrf", leader.get("outband-csrf"), "text", text, "groups", group, "channels", "sms",
                        "sendAt", "nästa torsdag"))
                .post("/app/bulletins/preview").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(unreadable.contains("går inte att läsa"), "an unreadable time is said, not sent");

        io.restassured.RestAssured.given().cookies(leader).redirects().follow(false)
                .formParams(Map.of("csrf", leader.get("outband-csrf"))).post("/app/planned/" + id + "/cancel").then().statusCode(303);
        as(Roles.SENDER).get("/api/bulletins/planned/" + id).then().body("state", equalTo("CANCELLED"));
    }
}
