package se.outband.messaging.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.replaceContacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import se.outband.AtOnce;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;

/**
 * A leader's SMS commands as Twilio brings them, and Outband's answers as the SMS of their own they are.
 * Whether an answer came is known when the webhook has answered (it is queued in the command's
 * transaction); its text is read from the fake Twilio once sent (the outbox keeps it only until then).
 */
final class LeaderSms {

    /** What every call to the webhook gets back, whatever the command: answers never travel in it. */
    static final String NO_ANSWER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private LeaderSms() {
    }

    /** A sender with a mobile of their own, and a group of three to send to; unique names. */
    record Team(String group, String leader, String mobile) {

        static Team create(String leaderPrefix) {
            String unique = UUID.randomUUID().toString().substring(0, 6);
            Team team = new Team("Lag" + unique, leaderPrefix + "-" + unique,
                    "+46703" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
            replaceContacts("id,name,mobile,groups\n"
                    + "c1,Anna Andersson,070-174 06 05," + team.group + "\n"
                    + "c2,Bertil Berg,070-174 06 06," + team.group + "\n"
                    + "c3,Cecilia Carlsson,070-174 06 07," + team.group + "\n");
            asAdmin().contentType(ContentType.JSON).body(Map.of("username", team.leader, "password", "a-long-test-password", "roles",
                    List.of("sender"), "mobile", team.mobile)).post("/api/users").then().statusCode(201);
            return team;
        }
    }

    /** The answer texted to {@code from}, or "" when none was. */
    static String ask(String from, String body) {
        return ask(newSid(), from, body);
    }

    static String ask(String sid, String from, String body) {
        List<String> answers = answers(from, () -> webhook(sid, from, body));
        assertTrue(answers.size() <= 1, () -> "one SMS, one answer: " + answers);
        return answers.isEmpty() ? "" : answers.get(0);
    }

    /**
     * Every answer texted to {@code number} while {@code calls} ran, each call's response checked to be
     * empty. Who got which answer in a race cannot be told apart, and need not be.
     */
    static List<String> answers(String number, Callable<String> call) {
        return answers(number, List.of(call));
    }

    static List<String> answers(String number, List<Callable<String>> calls) {
        long lastQueued = lastQueued(number);
        int texted = texted(number).size();
        List<String> responses;
        try {
            responses = calls.size() == 1 ? List.of(calls.get(0).call()) : AtOnce.run(calls);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertTrue(responses.stream().allMatch(NO_ANSWER::equals), () -> "responses " + responses);
        long queued = QuarkusTransaction.requiringNew().call(() -> Delivery.count("bulletinId is null and address = ?1 and id > ?2",
                number, lastQueued));
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> texted(number).size() >= texted + queued);
        List<String> all = texted(number);
        assertEquals(texted + queued, all.size(), () -> "texted " + all);
        return all.subList(texted, all.size());
    }

    /** The webhook's response, or the status it refused with, so that a race's responses can all be read. */
    static String webhook(String sid, String from, String body) {
        ValidatableResponse answer = FakeProviders.callAsTwilio("/webhooks/twilio/inbound", Map.of("MessageSid", sid,
                "From", from, "To", FakeProviders.SENDER_NUMBER, "Body", body));
        int status = answer.extract().statusCode();
        return status == 200 ? answer.extract().asString() : "HTTP " + status + ": " + answer.extract().asString();
    }

    /** The id of the newest message of its own queued for {@code number}; 0 when none. */
    private static long lastQueued(String number) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("bulletinId is null and address = ?1 order by id desc",
                number).firstResultOptional().map(d -> d.id).orElse(0L));
    }

    /** The texts Twilio's fake was asked to send to {@code number}, oldest first. */
    private static List<String> texted(String number) {
        return MessagingTestSupport.smsRequests().stream().filter(m -> number.equals(m.get("To"))).map(m -> m.get("Body")).toList();
    }

    static String newSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }
}
