package se.outband.messaging.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.messaging.MessagingTestSupport.awaitNothingLeftToSend;
import static se.outband.messaging.MessagingTestSupport.awaitNothingLeftToSendTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.messaging.FakeProviders;

/**
 * The same SMS arriving several times at the same moment, as providers retry and phones resend, or as a
 * forger races the leader: a code sends once, a message id is handled once, and the limits on wrong codes
 * and on SKICKA hold however many arrive at once, on every instance sharing the database.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class SmsCommandsAtOnceTest {

    private static final Pattern CODE = Pattern.compile("Svara (\\d{6}) inom 10 min");

    private LeaderSms.Team team;

    @BeforeEach
    void aLeaderAndTheirTeam() {
        FakeProviders.reset();
        team = LeaderSms.Team.create("samtidig");
    }

    @Test
    void theRightCodeTenTimesAtOnceSendsOneBulletinOnce() throws Exception {
        String text = "Samling i stadshuset " + UUID.randomUUID();
        String code = code(sms(team.mobile(), "SKICKA " + team.group() + ": " + text));
        List<String> answers = race(10, () -> LeaderSms.webhook(LeaderSms.newSid(), team.mobile(), code));
        assertOneSentTheRestNothingPending(answers);
        assertSentOnceToEach(text);
    }

    @Test
    void theSameSignedSmsTenTimesAtOnceSendsOneBulletinOnce() throws Exception {
        String text = "Samling i kommunhuset " + UUID.randomUUID();
        String code = code(sms(team.mobile(), "SKICKA " + team.group() + ": " + text));
        String sid = LeaderSms.newSid();
        List<String> answers = race(10, () -> LeaderSms.webhook(sid, team.mobile(), code));
        assertEquals(1, answers.size(), () -> "the copies are not answered: " + answers);
        assertTrue(answers.get(0).contains("Skickat: utskick "), () -> "answers " + answers);
        assertSentOnceToEach(text);
    }

    @Test
    void aMessageIdIsHandledOnce() throws Exception {
        String sid = LeaderSms.newSid();
        String first = LeaderSms.ask(sid, team.mobile(), "SKICKA " + team.group() + ": Första gången.");
        code(first);
        assertEquals("", LeaderSms.ask(sid, team.mobile(), "SKICKA " + team.group() + ": Första gången."), "the same message again is not a new request");
        assertEquals(1, pendingSends(), "one request, one code");

        String again = LeaderSms.newSid();
        List<String> answers = race(2, () -> LeaderSms.webhook(again, team.mobile(), "SKICKA " + team.group() + ": Andra gången."));
        assertEquals(1, answers.size(), () -> "the copy is not answered: " + answers);
        assertTrue(CODE.matcher(answers.get(0)).find(), () -> "answers " + answers);
        assertEquals(2, pendingSends());
    }

    @Test
    void fortyWrongCodesAtOnceAreNotAllCheckedAndCancelTheSend() throws Exception {
        String text = "Gissat " + UUID.randomUUID();
        String code = code(sms(team.mobile(), "SKICKA " + team.group() + ": " + text));
        List<Callable<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String guess = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
            guesses.add(() -> LeaderSms.webhook(LeaderSms.newSid(), team.mobile(), guess));
        }
        List<String> answers = race(guesses);
        long checked = answers.stream().filter(a -> a.contains("Fel kod.") || a.contains("avbrutet")).count();
        assertTrue(checked <= SmsCommands.WRONG_CODES, () -> checked + " codes were checked: " + answers);
        assertEquals(1, answers.stream().filter(a -> a.contains("avbrutet")).count(), () -> "answers " + answers);
        assertEquals(40 - checked, answers.stream().filter(a -> a.contains("Ingen kod väntar")).count(), () -> "answers " + answers);
        assertTrue(sms(team.mobile(), code).contains("Ingen kod väntar"), "the right code after that is too late");
        assertTrue(sent(text).isEmpty());
    }

    @Test
    void thirtySkickaAtOnceAreAcceptedAtMostTenTimes() throws Exception {
        List<String> answers = race(30, () -> LeaderSms.webhook(LeaderSms.newSid(), team.mobile(), "SKICKA " + team.group() + ": Samtidigt."));
        long accepted = answers.stream().filter(a -> CODE.matcher(a).find()).count();
        assertEquals(SmsCommands.REQUESTS_PER_HOUR, accepted, () -> "answers " + answers);
        assertEquals(30 - accepted, answers.stream().filter(a -> a.contains("Mer än 10 SKICKA")).count(), () -> "answers " + answers);
        assertEquals(SmsCommands.REQUESTS_PER_HOUR, pendingSends());
    }

    @AfterEach
    void answersSent() {
        awaitNothingLeftToSendTo(team.mobile());
    }

    private void assertOneSentTheRestNothingPending(List<String> answers) {
        assertEquals(1, answers.stream().filter(a -> a.contains("Skickat: utskick ")).count(), () -> "answers " + answers);
        assertEquals(answers.size() - 1, answers.stream().filter(a -> a.contains("Ingen kod väntar")).count(), () -> "answers " + answers);
    }

    /** One bulletin by the team.leader(), and each of the three got its SMS once. */
    private void assertSentOnceToEach(String text) {
        List<Number> ids = asAdmin().get("/api/bulletins?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.createdBy == '" + team.leader() + " via SMS' }.id");
        assertEquals(1, ids.size(), () -> "bulletins " + ids);
        awaitNothingLeftToSend(ids.get(0).longValue());
        List<String> sent = sent(text);
        assertEquals(3, sent.size(), () -> "sent " + sent);
        assertEquals(3, sent.stream().map(body -> body.replaceAll(".*To=([^&]+).*", "$1")).distinct().count(), () -> "sent " + sent);
    }

    private long pendingSends() {
        return QuarkusTransaction.requiringNew().call(() -> PendingSend.count("fromNumber", team.mobile()));
    }

    private static String sms(String from, String body) {
        return LeaderSms.ask(from, body);
    }

    /** What the team.leader()'s phone got for a race of SMS: every answer texted to it meanwhile. */
    private List<String> race(int times, Callable<String> webhookCall) {
        return race(Collections.nCopies(times, webhookCall));
    }

    private List<String> race(List<Callable<String>> webhookCalls) {
        return LeaderSms.answers(team.mobile(), webhookCalls);
    }

    private static String code(String answer) {
        Matcher matcher = CODE.matcher(answer);
        assertTrue(matcher.find(), answer);
        return matcher.group(1);
    }

    private static List<String> sent(String text) {
        return FakeProviders.twilio().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/Messages.json") && e.getRequest().getBodyAsString().contains(
                        URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .map(e -> e.getRequest().getBodyAsString()).toList();
    }
}
