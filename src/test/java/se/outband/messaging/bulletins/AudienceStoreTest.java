package se.outband.messaging.bulletins;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.access.Roles;
import se.outband.common.ScheduledJobs;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;

/**
 * A big bulletin is answered and starts sending after its first recipients are stored; the rest
 * follow in chunks. Everyone gets exactly one message, and what a crash left unstored is stored by
 * the next run of the store (a restart runs it at once), with readiness saying so meanwhile.
 */
@QuarkusTest
class AudienceStoreTest {

    @Inject
    ScheduledJobs jobs;

    @Inject
    TestClock clock;

    @Inject
    AudienceStore store;

    @AfterEach
    void reset() {
        jobs.resume("audience-store");
        clock.reset();
        FakeProviders.reset();
    }

    /** People {prefix}0 … with distinct valid numbers, all in the group {prefix}. */
    private static void people(String prefix, int count) {
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append(",Person ").append(i).append(",070-5").append(String.format("%06d", i))
                    .append(',').append(prefix).append('\n');
        }
        replaceContacts(csv.toString());
    }

    private static List<Map<String, Object>> awaitAllSent(long id, int expected) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<Map<String, Object>> deliveries = MessagingTestSupport.deliveries(id);
            return deliveries.size() == expected && deliveries.stream().allMatch(MessagingTestSupport.inState("SENT"));
        });
        return MessagingTestSupport.deliveries(id);
    }

    @Test
    void aBulletinBiggerThanTheFirstBatchReachesEveryoneOnce() {
        int people = AudienceStore.FIRST + 100;
        people("stor", people);
        long id = MessagingTestSupport.sendOk(Map.of("text", "Alla samlas", "groups", List.of("stor")));

        List<Map<String, Object>> deliveries = awaitAllSent(id, people);
        assertEquals(people, deliveries.stream().map(d -> d.get("contactId")).distinct().count(), "one delivery per person");
        Map<String, Long> perNumber = MessagingTestSupport.acceptedSms().stream()
                .filter(sms -> "Alla samlas".equals(sms.get("Body")))
                .collect(Collectors.groupingBy(sms -> sms.get("To"), Collectors.counting()));
        assertEquals(people, perNumber.size());
        assertEquals(List.of(1L), perNumber.values().stream().distinct().toList(), "nobody got it twice");
    }

    @Test
    void recipientsACrashLeftUnstoredAreStoredAfterwardsAndReadinessSaysSoMeanwhile() throws Exception {
        people("krasch", 201);
        jobs.pause("audience-store");
        long id = MessagingTestSupport.sendOk(Map.of("text", "Efter kraschen", "contactIds", List.of("krasch0")));
        awaitAllSent(id, 1);
        // As a crash right after the bulletin's commit leaves it: the rest listed on the bulletin, not stored.
        String rest = IntStream.range(1, 201).mapToObj(i -> "krasch" + i).collect(Collectors.joining("\n"));
        QuarkusTransaction.requiringNew().run(() -> Bulletin.getEntityManager()
                .createNativeQuery("update bulletin set pending_contacts = ?1, recipient_count = 201 where id = ?2")
                .setParameter(1, rest).setParameter(2, id).executeUpdate());
        given().get("/q/health/ready").then().statusCode(200);

        clock.advance(Duration.ofMinutes(2));
        given().get("/q/health/ready").then().statusCode(503).body(containsString("still has recipients waiting to be stored"));
        clock.reset();

        jobs.resume("audience-store");
        // The job's run now rather than its next in up to 10 s.
        store.storeEveryRest();
        awaitAllSent(id, 201);
        given().get("/q/health/ready").then().statusCode(200);
        as(Roles.SENDER).get("/api/bulletins/" + id).then().statusCode(200).body("recipients", org.hamcrest.Matchers.equalTo(201));
    }
}
