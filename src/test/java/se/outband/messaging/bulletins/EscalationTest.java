package se.outband.messaging.bulletins;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.common.ScheduledJobs;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Delivery;

/**
 * A bulletin's escalation goes further, step by step and in order, when too few have answered in time, and
 * does nothing when enough have; bad steps refuse the whole bulletin with a sentence. The clock is moved, not
 * waited for, and the job is paused so that the test decides when due steps are looked for.
 */
@QuarkusTest
class EscalationTest {

    @Inject
    TestClock clock;

    @Inject
    ScheduledJobs jobs;

    @Inject
    EscalationRunner runner;

    @Inject
    Replies replies;

    @Inject
    PlannedSends planned;

    private String group;
    private String reserve;
    private String leader;
    private String leaderMobile;

    @BeforeEach
    void people() throws InterruptedException {
        jobs.pause("escalation");
        FakeProviders.reset();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        group = "esk" + tag;
        reserve = "res" + tag;
        int n = ThreadLocalRandom.current().nextInt(1_000_000, 9_000_000);
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        for (int i = 1; i <= 3; i++) {
            csv.append(group).append(i).append(",Eva Esk").append(i).append(",070").append(n + i).append(',').append(group).append('\n');
        }
        for (int i = 1; i <= 2; i++) {
            csv.append(reserve).append(i).append(",Rut Reserv").append(i).append(",073").append(n + i).append(',').append(reserve)
                    .append('\n');
        }
        TestApi.asAdmin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
        leader = "krisledare" + tag;
        leaderMobile = "+4676" + n;
        TestApi.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", leader, "password", "a-long-test-password-" + tag, "roles", List.of(Roles.SENDER),
                        "mobile", leaderMobile))
                .post("/api/users").then().statusCode(201);
    }

    @AfterEach
    void reset() {
        clock.reset();
        jobs.resume("escalation");
    }

    private Map<String, Object> step(String after, int fewer, Map<String, Object> then) {
        return Map.of("after", after, "ifFewerThan", fewer, "answered", "JA", "then", then);
    }

    private Map<String, Object> bulletin(String text, List<Map<String, Object>> steps) {
        Map<String, Object> body = new HashMap<>(Map.of("text", text, "groups", List.of(group), "channels", "sms", "drill", true,
                "replyOptions", List.of("JA", "NEJ")));
        body.put("escalation", steps);
        return body;
    }

    /** Step 1 after 10 minutes: the reserve group and a reminder; step 2 after 20: calls and a summary to the leader. */
    private long sendWithTwoSteps(String text) {
        long id = MessagingTestSupport.sendOk(bulletin(text, List.of(
                step("PT10M", 2, Map.of("groups", List.of(reserve), "remindUnanswered", true)),
                step("PT20M", 2, Map.of("callUnanswered", true, "notify", List.of(leader))))));
        MessagingTestSupport.awaitNothingLeftToSend(id);
        return id;
    }

    /** How many of two threads, started together as two instances' jobs would be, ran the step. */
    private int claimedByTwoAtOnce(long step) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                claims.add(two.submit(() -> {
                    start.await();
                    return runner.run(step);
                }));
            }
            start.countDown();
            int won = 0;
            for (java.util.concurrent.Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            return won;
        } finally {
            two.shutdown();
        }
    }

    private static JsonPath escalation(long id) {
        return as(Roles.SENDER).get("/api/bulletins/" + id + "/escalation").then().statusCode(200).extract().jsonPath();
    }

    private void answer(long id, int person, String answer) {
        assertTrue(replies.simulate(id, group + person, answer));
    }

    private static List<Delivery> deliveries(long id, Channel channel) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("bulletinId = ?1 and channel = ?2 order by id", id,
                channel));
    }

    @Test
    void twoStepsFireInOrderWhenTooFewAnswerEachOnceAndADrillAllTheWayDown() throws Exception {
        long id = sendWithTwoSteps("Kan du komma in? " + UUID.randomUUID());
        JsonPath waiting = escalation(id);
        assertEquals(List.of("PENDING", "PENDING"), waiting.getList("state"));
        long sentAt = java.time.Instant.parse(as(Roles.SENDER).get("/api/bulletins/" + id).then().extract().<String>path("createdAt"))
                .getEpochSecond();
        assertEquals(sentAt + 600, java.time.Instant.parse(waiting.getString("[0].dueAt")).getEpochSecond());
        assertEquals(sentAt + 1200, java.time.Instant.parse(waiting.getString("[1].dueAt")).getEpochSecond());
        long left = waiting.getLong("[0].secondsLeft");
        assertTrue(left > 540 && left <= 600, "counts down from ten minutes: " + left);
        answer(id, 1, "JA");

        runner.runDue();
        assertEquals(List.of("PENDING", "PENDING"), escalation(id).getList("state"), "nothing before its time");

        long auditBefore = TestApi.auditTotal();
        clock.advance(Duration.ofMinutes(21));
        runner.runDue();
        // Both are due, but the second waits for the first to have run: one run takes only the first.
        JsonPath afterFirst = escalation(id);
        assertEquals(List.of("FIRED", "PENDING"), afterFirst.getList("state"));
        assertEquals(1, afterFirst.getInt("[0].answeredThen"));
        assertEquals(2, afterFirst.getInt("[0].added"), "the reserve group's two people");
        assertEquals(2, afterFirst.getInt("[0].reminded"), "the two who had not answered");
        assertEquals(0, afterFirst.getInt("[0].called"));
        long step1 = QuarkusTransaction.requiringNew().call(() -> EscalationStep.<EscalationStep>find("bulletinId = ?1 and position = 1", id)
                .singleResult().id);
        assertFalse(runner.run(step1), "a step runs once, however often it is claimed");

        long step2 = QuarkusTransaction.requiringNew().call(() -> EscalationStep.<EscalationStep>find("bulletinId = ?1 and position = 2", id)
                .singleResult().id);
        assertEquals(1, claimedByTwoAtOnce(step2), "two instances taking the same step at the same moment: one runs it");
        JsonPath afterSecond = escalation(id);
        assertEquals(List.of("FIRED", "FIRED"), afterSecond.getList("state"));
        assertEquals(4, afterSecond.getInt("[1].called"), "two of the group and the two added, none of whom answered");
        assertEquals(1, afterSecond.getInt("[1].notified"));
        runner.runDue();
        assertEquals(List.of("FIRED", "FIRED"), escalation(id).getList("state"));

        as(Roles.SENDER).get("/api/bulletins/" + id).then().body("recipients", equalTo(5));
        List<Delivery> sms = deliveries(id, Channel.SMS);
        assertEquals(7, sms.size(), "three first, two to the reserve group, two reminders");
        assertEquals(4, deliveries(id, Channel.VOICE).size());
        MessagingTestSupport.awaitNothingLeftToSend(id);
        MessagingTestSupport.awaitNothingLeftToSendTo(leaderMobile);
        List<Map<String, String>> sent = MessagingTestSupport.smsRequests();
        assertEquals(2, sent.stream().filter(r -> r.get("Body").startsWith("ÖVNING: Påminnelse: Kan du komma in?")).count(),
                "the reminders are marked as a drill too");
        Map<String, String> summary = sent.stream().filter(r -> leaderMobile.equals(r.get("To"))).findFirst().orElseThrow();
        MatcherAssert.assertThat(summary.get("Body"), startsWith("ÖVNING: Outband: utskick " + id + " har efter 20 min bara 1 svar JA"));
        assertEquals(4, MessagingTestSupport.callRequests().size());

        List<String> audit = TestApi.auditBy("system", auditBefore);
        MatcherAssert.assertThat(audit, hasItem(startsWith("bulletin.escalation-fired bulletin=" + id + " step=1 drill=true answered=1")));
        MatcherAssert.assertThat(audit, hasItem(startsWith("bulletin.escalation-fired bulletin=" + id + " step=2 drill=true")));
        as(Roles.SENDER).get("/api/bulletins/" + id + "/report").then().statusCode(200)
                .body("escalation[1].state", equalTo("FIRED")).body("escalation[1].outcome", containsString("4 uppringda"));
    }

    @Test
    void neitherStepFiresWhenEnoughAnswer() {
        long id = sendWithTwoSteps("Räcker vi? " + UUID.randomUUID());
        answer(id, 1, "JA");
        answer(id, 2, "1");
        clock.advance(Duration.ofMinutes(21));
        runner.runDue();
        runner.runDue();
        JsonPath done = escalation(id);
        assertEquals(List.of("NOT_NEEDED", "NOT_NEEDED"), done.getList("state"));
        assertEquals(List.of(2, 2), done.getList("answeredThen"));
        assertEquals(3, deliveries(id, Channel.SMS).size(), "only the bulletin itself");
        assertEquals(0, deliveries(id, Channel.VOICE).size());
        as(Roles.SENDER).header("Accept-Language", "en").get("/api/bulletins/" + id + "/escalation").then()
                .body("[0].outcome", equalTo("Not needed: 2 had answered JA."));
    }

    @Test
    void cancellingStopsTheStepsNotYetRun() {
        long id = sendWithTwoSteps("Avbryts " + UUID.randomUUID());
        as(Roles.CONTACTS).delete("/api/bulletins/" + id + "/escalation").then().statusCode(403);
        long auditBefore = TestApi.auditTotal();
        as(Roles.SENDER).delete("/api/bulletins/" + id + "/escalation").then().statusCode(200)
                .body("state", equalTo(List.of("CANCELLED", "CANCELLED")));
        MatcherAssert.assertThat(TestApi.auditBy(Roles.SENDER, auditBefore),
                hasItem(startsWith("bulletin.escalation-cancelled bulletin=" + id + " steps=2")));
        clock.advance(Duration.ofMinutes(21));
        runner.runDue();
        assertEquals(List.of("CANCELLED", "CANCELLED"), escalation(id).getList("state"));
        assertEquals(3, deliveries(id, Channel.SMS).size());
    }

    @Test
    void aPlannedBulletinsStepsCountFromWhenItIsSent() throws InterruptedException {
        Map<String, Object> later = bulletin("Planerad övning " + UUID.randomUUID(),
                List.of(step("PT10M", 2, Map.of("remindUnanswered", true))));
        later.put("sendAt", java.time.OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofHours(1)), java.time.ZoneOffset.UTC)
                .toString());
        long plan = MessagingTestSupport.send(later).statusCode(201).extract().<Number>path("id").longValue();
        jobs.pause("planned-sends");
        try {
            clock.advance(Duration.ofMinutes(61));
            assertTrue(planned.send(plan), "sent by this call, not by the job");
        } finally {
            jobs.resume("planned-sends");
        }
        long id = as(Roles.SENDER).get("/api/bulletins/planned/" + plan).then().extract().<Number>path("bulletinId").longValue();
        MessagingTestSupport.awaitNothingLeftToSend(id);
        long sentAt = java.time.Instant.parse(as(Roles.SENDER).get("/api/bulletins/" + id).then().extract().<String>path("createdAt"))
                .getEpochSecond();
        JsonPath steps = escalation(id);
        assertEquals(List.of("PENDING"), steps.getList("state"));
        assertEquals(sentAt + 600, java.time.Instant.parse(steps.getString("[0].dueAt")).getEpochSecond());
    }

    @Test
    void badStepsRefuseTheBulletinWithASentenceAndNothingIsStored() {
        TestApi.asAdmin().contentType(ContentType.JSON).body(Map.of("username", "utan" + leader, "password", "a-long-test-password-x",
                "roles", List.of(Roles.SENDER))).post("/api/users").then().statusCode(201);
        long bulletinsBefore = QuarkusTransaction.requiringNew().call(() -> Bulletin.count());
        long stepsBefore = QuarkusTransaction.requiringNew().call(() -> EscalationStep.count());
        Map<String, Object> remind = Map.of("remindUnanswered", true);
        refused(bulletin("x", List.of(step("PT10M", 2, Map.of("groups", List.of("finns-inte-" + group))))), "sv",
                "Steg 1: gruppen finns inte: finns-inte-" + group);
        refused(bulletin("x", List.of(step("PT10M", 2, remind), step("PT20M", 2, Map.of("notify", List.of("ingen-" + leader))))), "sv",
                "Steg 2: användaren finns inte: ingen-" + leader);
        refused(bulletin("x", List.of(step("PT10M", 2, Map.of("notify", List.of("utan" + leader))))), "en",
                "utan" + leader + " has no mobile number in Outband");
        List<Map<String, Object>> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(step("PT" + (10 * i) + "M", 2, remind));
        }
        refused(bulletin("x", six), "sv", "högst 5 eskaleringssteg, och det här har 6");
        Map<String, Object> noOptions = bulletin("x", List.of(step("PT10M", 2, remind)));
        noOptions.remove("replyOptions");
        refused(noOptions, "en", "Escalation counts answers, so it needs reply options");
        refused(bulletin("x", List.of(step("-PT10M", 2, remind))), "sv", "Steg 1: väntetiden \"-PT10M\" går inte att använda");
        refused(bulletin("x", List.of(step("PT9S", 2, remind))), "en", "at least 10 seconds");
        refused(bulletin("x", List.of(step("en kvart", 2, remind))), "sv", "väntetiden \"en kvart\"");
        refused(bulletin("x", List.of(Map.of("after", "PT10M", "ifFewerThan", 2, "answered", "KANSKE", "then", remind))), "sv",
                "\"KANSKE\" är inget av utskickets svarsalternativ (JA, NEJ)");
        refused(bulletin("x", List.of(step("PT10M", 2, Map.of()))), "sv", "Steg 1 gör ingenting");
        assertEquals(bulletinsBefore, QuarkusTransaction.requiringNew().call(() -> Bulletin.count()));
        assertEquals(stepsBefore, QuarkusTransaction.requiringNew().call(() -> EscalationStep.count()));
    }

    @Test
    void aLeaderAddsAStepInTheFormWithThreeFieldsFollowsItsCountdownAndCancelsIt() {
        Map<String, String> ui = TestApi.signInToUi(leader, "a-long-test-password-" + group.substring(3));
        String text = "Samling i kväll? " + UUID.randomUUID();
        Map<String, Object> form = new HashMap<>(Map.of("csrf", ui.get("outband-csrf"), "text", text, "groups", group, "channels", "sms",
                "replyOptions", "JA NEJ", "drill", "true", "stepAfter", "15", "stepFewer", "5", "stepAnswered", "ja"));
        form.put("stepGroups", reserve);
        form.put("stepRemind", "0");
        form.put("stepNotify", leader);
        String added = given(ui).formParams(form).post("/app/bulletins/change").then().statusCode(200).extract().asString();
        assertTrue(added.contains("id=\"step-after-0\"") && added.contains("value=\"15\"") && added.contains("id=\"step-after-1\""),
                "the step kept and an empty one to add");
        String confirm = given(ui).formParams(form).post("/app/bulletins/preview").then().statusCode(200).extract().asString();
        assertTrue(confirm.contains("Steg 1: efter 15 min, om färre än 5 har svarat JA: skicka också till " + reserve
                + "; påminn dem som inte svarat; SMS:a en sammanfattning till " + leader + "."), confirm);
        String location = given(ui).redirects().follow(false).formParams(form).post("/app/bulletins/send").then().statusCode(303)
                .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        MessagingTestSupport.awaitNothingLeftToSend(id);
        JsonPath steps = escalation(id);
        assertEquals(List.of(reserve), steps.getList("[0].groups"));
        assertEquals(List.of(leader), steps.getList("[0].notify"));
        assertEquals(Boolean.TRUE, steps.getBoolean("[0].remindUnanswered"));
        assertEquals("PT15M", steps.getString("[0].after"));

        clock.advance(Duration.ofMinutes(5));
        String page = given(ui).get("/app/bulletins/" + id).then().statusCode(200).extract().asString();
        // Ten minutes left on the clock moved five, less the seconds the test itself took.
        assertTrue(java.util.regex.Pattern.compile("Väntar: om (10 min|9 min \\d{1,2} s)\\.").matcher(page).find()
                && page.contains("id=\"cancel-escalation\""), page);
        given(ui).redirects().follow(false).formParams(Map.of("csrf", ui.get("outband-csrf")))
                .post("/app/bulletins/" + id + "/escalation/cancel").then().statusCode(303);
        String cancelled = given(ui).get("/app/bulletins/" + id).then().statusCode(200).extract().asString();
        assertTrue(cancelled.contains("Avbrutet av " + leader) && !cancelled.contains("id=\"cancel-escalation\""), cancelled);

        form.put("stepGroups", "finns-inte-" + group);
        String refused = given(ui).formParams(form).post("/app/bulletins/preview").then().statusCode(200).extract().asString();
        assertTrue(refused.contains("Steg 1: gruppen finns inte: finns-inte-" + group), "the sentence on the form, nothing sent");
    }

    private static io.restassured.specification.RequestSpecification given(Map<String, String> cookies) {
        return io.restassured.RestAssured.given().cookies(cookies);
    }

    private static void refused(Map<String, Object> bulletin, String language, String sentence) {
        as(Roles.SENDER).header("Accept-Language", language).contentType(ContentType.JSON).body(bulletin).post("/api/bulletins").then()
                .statusCode(400).body("error", containsString(sentence));
    }
}
