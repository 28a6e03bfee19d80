package se.outband.messaging.inbound;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.awaitNothingLeftToSend;
import static se.outband.messaging.MessagingTestSupport.awaitNothingLeftToSendTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.messaging.FakeProviders;

/**
 * A leader with only a phone: SKICKA answered with a code, nothing sent before the code comes back
 * from the same number, sent after; wrong, expired and reused codes; strangers and forged senders
 * get nothing; STATUS and HJÄLP. Through Twilio's signed webhook, answered by an SMS to the leader's
 * registered number and never in the webhook's response.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class SmsCommandTest {

    private static final Pattern CODE = Pattern.compile("Svara (\\d{6}) inom 10 min");

    private LeaderSms.Team team;

    @BeforeEach
    void aLeaderAndTheirTeam() {
        FakeProviders.reset();
        team = LeaderSms.Team.create("ledare");
    }

    @Test
    void skickaAnswersWithACodeAndOnlyTheCodeFromTheSameNumberSends() {
        long before = bulletins();
        String answer = sms(team.mobile(), "SKICKA " + team.group() + ": Krisledningen samlas kl 14 i stadshuset.");
        assertTrue(answer.contains("Skickas till " + team.group() + " (3 personer), 1 SMS per person, inte övning."), answer);
        String code = code(answer);
        assertEquals(before, bulletins(), "nothing is sent before the code comes back");
        assertTrue(sent("Krisledningen samlas kl 14 i stadshuset.").isEmpty());

        String wrong = code.equals("000000") ? "000001" : "000000";
        assertTrue(sms(team.mobile(), wrong).contains("Fel kod. 4 försök kvar."));
        String other = "+46703" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        assertEquals(empty(), sms(other, code), "the code from another number is nobody's command");
        assertEquals(before, bulletins());

        String done = sms(team.mobile(), " " + code + " ");
        assertTrue(done.contains("Skickat: utskick ") && done.contains("till 3 personer."), done);
        assertTrue(bulletins() > before);
        await(() -> sent("Krisledningen samlas kl 14 i stadshuset.").size() == 3);
        asAdmin().get("/api/bulletins?limit=1").then().body("createdBy", hasItem(team.leader() + " via SMS"));
        asAdmin().get("/api/audit?size=20").then().body("entries.actor", hasItem(team.leader() + " via SMS"))
                .body("entries.action", hasItem("command.send-requested"));

        long after = bulletins();
        assertTrue(sms(team.mobile(), code).contains("Ingen kod väntar"), "a code works once");
        assertEquals(after, bulletins());
        // Twilio has the three; their results may not be stored yet.
        awaitNothingLeftToSend(after);
    }

    @Test
    void anExpiredCodeOrFiveWrongOnesSendNothing() {
        long before = bulletins();
        String code = code(sms(team.mobile(), "SEND " + team.group() + ": Första försöket."));
        QuarkusTransaction.requiringNew().run(() -> PendingSend.update("createdAt = ?1 where fromNumber = ?2",
                Instant.now().minus(Duration.ofMinutes(11)), team.mobile()));
        assertTrue(sms(team.mobile(), code).contains("Ingen kod väntar"));

        String second = code(sms(team.mobile(), "skicka " + team.group() + ": Andra försöket."));
        String wrong = second.equals("999999") ? "999998" : "999999";
        for (int i = 0; i < 4; i++) {
            assertTrue(sms(team.mobile(), wrong).contains("Fel kod."));
        }
        assertTrue(sms(team.mobile(), wrong).contains("avbrutet"));
        assertTrue(sms(team.mobile(), second).contains("Ingen kod väntar"), "the right code after five wrong ones is too late");
        assertEquals(before, bulletins());
        assertTrue(sent("Första försöket.").isEmpty() && sent("Andra försöket.").isEmpty());
    }

    @Test
    void aForgerCannotGuessByAskingForCodeAfterCode() {
        for (int i = 0; i < SmsCommands.REQUESTS_PER_HOUR; i++) {
            assertTrue(sms(team.mobile(), "SKICKA " + team.group() + ": Försök " + i).contains("Svara "));
        }
        assertTrue(sms(team.mobile(), "SKICKA " + team.group() + ": Ett till").contains("Mer än 10 SKICKA på en timme"));
    }

    /** A code answered after its user was removed, lost the role or moved to another team.mobile() sends nothing, even once all is back. */
    @Test
    void aPendingSendDiesWithItsUserRoleOrNumber() {
        long before = bulletins();
        String other = "+46704" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String moved = code(sms(team.mobile(), "SKICKA " + team.group() + ": Numret byttes."));
        changeUser(Map.of("mobile", other));
        assertEquals(empty(), sms(team.mobile(), moved), "the old number is nobody's now");
        changeUser(Map.of("mobile", team.mobile()));
        assertTrue(sms(team.mobile(), moved).contains("Ingen kod väntar"), "a send asked for from the old number died with the change");

        String demoted = code(sms(team.mobile(), "SKICKA " + team.group() + ": Rollen togs bort."));
        changeUser(Map.of("roles", List.of("contacts")));
        changeUser(Map.of("roles", List.of("sender")));
        assertTrue(sms(team.mobile(), demoted).contains("Ingen kod väntar"), "a send asked for with the role died when the role went");

        String removed = code(sms(team.mobile(), "SKICKA " + team.group() + ": Användaren togs bort."));
        asAdmin().delete("/api/users/" + team.leader()).then().statusCode(204);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", team.leader(), "password", "a-long-test-password", "roles", List.of("sender"), "mobile", team.mobile()))
                .post("/api/users").then().statusCode(201);
        assertTrue(sms(team.mobile(), removed).contains("Ingen kod väntar"), "a send asked for by a removed user died with the user");

        assertEquals(before, bulletins());
        assertTrue(sent("Numret byttes.").isEmpty() && sent("Rollen togs bort.").isEmpty() && sent("Användaren togs bort.").isEmpty());
        // A change that takes nothing away leaves the send waiting.
        String kept = code(sms(team.mobile(), "SKICKA " + team.group() + ": Lösenordet byttes."));
        changeUser(Map.of("password", "another-long-test-password", "roles", List.of("sender", "contacts")));
        assertTrue(sms(team.mobile(), kept).contains("Skickat: utskick "));
        awaitNothingLeftToSend(bulletins());
    }

    private void changeUser(Map<String, Object> change) {
        asAdmin().contentType(ContentType.JSON).body(change).put("/api/users/" + team.leader()).then().statusCode(200);
    }

    @Test
    void strangersAndContactsWithoutTheRoleGetNoAnswer() {
        long before = bulletins();
        String stranger = "+46703" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        assertEquals(empty(), sms(stranger, "SKICKA " + team.group() + ": Falskt larm."));
        assertEquals(empty(), sms(stranger, "STATUS"));
        assertEquals(empty(), sms(stranger, "HJÄLP"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("contacts"))).put("/api/users/" + team.leader()).then().statusCode(200);
        assertEquals(empty(), sms(team.mobile(), "SKICKA " + team.group() + ": Falskt larm."), "only senders and admins give commands");
        assertEquals(before, bulletins());
    }

    @Test
    void statusAndHelpAnswerInOneSms() {
        String code = code(sms(team.mobile(), "SKICKA " + team.group() + ": Läget kl 16."));
        sms(team.mobile(), code);
        String status = sms(team.mobile(), "status");
        assertTrue(status.matches("(?s).*Utskick \\d+ .*: \\d av 3 nådda, \\d väntar, 0 misslyckade\\..*"), status);
        assertTrue(sms(team.mobile(), "HJÄLP").contains("SKICKA grupp, grupp: text"));
        assertTrue(sms(team.mobile(), "vad gör jag nu?").contains("SKICKA grupp, grupp: text"), "an unknown command gets the help");
        assertTrue(sms(team.mobile(), "SKICKA Finnsinte: Hej").contains("Okänd grupp: Finnsinte."));
        awaitNothingLeftToSend(bulletins());
    }

    @Test
    void aLeaderAnsweringABulletinAsStaffIsAReplyNotACommand() {
        replaceContacts("id,name,mobile,groups\nl1,Ledaren Själv," + team.mobile() + "," + team.group() + "\n");
        long id = asAdmin().contentType(ContentType.JSON).body(Map.of("text", "Kan du komma?", "groups", List.of(team.group()),
                "replyOptions", List.of("JA", "NEJ"))).post("/api/bulletins").then().statusCode(201).extract().jsonPath().getLong("id");
        // The leader answers the bulletin once it has reached their phone, as people do.
        awaitNothingLeftToSend(id);
        assertEquals(empty(), sms(team.mobile(), "ja"));
        asAdmin().get("/api/bulletins/" + id + "/replies").then().statusCode(200).body("replies.answer", hasItem("JA"));
    }

    /**
     * Whoever can post to the webhook with a team.leader()'s number as sender reads nothing from its response (LeaderSms
     * checks every response is empty TwiML); the answer is the SMS Twilio was asked to send to the registered
     * number, in the team.leader()'s own words, unescaped.
     */
    @Test
    void theAnswerIsAnSmsToTheRegisteredNumber() {
        String answer = sms(team.mobile(), "SKICKA <b>&" + team.group() + ": Hej");
        assertTrue(answer.contains("Okänd grupp: <b>&" + team.group()), answer);
    }

    @AfterEach
    void answersSent() {
        awaitNothingLeftToSendTo(team.mobile());
    }

    private static String sms(String from, String body) {
        return LeaderSms.ask(from, body);
    }

    /** No SMS back: what a stranger, or a number that is nobody's, gets. */
    private static String empty() {
        return "";
    }

    private static String code(String answer) {
        Matcher matcher = CODE.matcher(answer);
        assertTrue(matcher.find(), answer);
        return matcher.group(1);
    }

    /** The newest bulletin's id: a new bulletin makes it larger. */
    private static long bulletins() {
        List<Number> ids = asAdmin().get("/api/bulletins?limit=1").then().extract().jsonPath().getList("id");
        return ids.isEmpty() ? 0 : ids.get(0).longValue();
    }

    private static List<String> sent(String text) {
        return FakeProviders.twilio().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/Messages.json") && e.getRequest().getBodyAsString().contains(
                        URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .map(e -> e.getRequest().getBodyAsString()).toList();
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition);
    }
}
