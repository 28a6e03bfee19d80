package se.outband.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.awaitNothingLeftToSend;
import static se.outband.messaging.MessagingTestSupport.form;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * Many subscribers and a staff bulletin at the same time: every subscriber gets the notice exactly once,
 * through the outbox at the provider's rate, and the bulletin sent while the notice is going out overtakes
 * what is left of it. {@code -Dsubscribers=5000} for the figure in the notes (default 1,000).
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class NoticeFanOutTest {

    private static final int SUBSCRIBERS = Integer.getInteger("subscribers", 1000);
    private final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void manySubscribers() {
        FakeProviders.reset();
        int base = ThreadLocalRandom.current().nextInt(100) * 10_000;
        for (int i = 0; i < SUBSCRIBERS; i++) {
            numbers.add("+46709" + String.format("%06d", base + i));
        }
        QuarkusTransaction.requiringNew().run(() -> subscribe(numbers, Instant.now().minusSeconds(60)));
    }

    /** Swedish SMS subscribers since {@code since}, in the caller's transaction: anyone already on the list first leaves it. */
    static void subscribe(List<String> numbers, Instant since) {
        SmsSubscriber.delete("mobile in ?1", numbers);
        for (String number : numbers) {
            SmsSubscriber subscriber = new SmsSubscriber();
            subscriber.mobile = number;
            subscriber.language = "sv";
            subscriber.subscribedAt = since;
            subscriber.persist();
        }
    }

    @AfterEach
    void noneLeft() {
        QuarkusTransaction.requiringNew().run(() -> SmsSubscriber.delete("mobile in ?1", numbers));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> SubscriberNotice.count("done = false")
                        + Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }

    @Test
    void everySubscriberGetsTheNoticeOnceAndAStaffBulletinGoesFirst() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String group = "Stab" + unique;
        replaceContacts("id,name,mobile,groups\n"
                + "s1,Anna Andersson,070-174 06 05," + group + "\n"
                + "s2,Bertil Berg,070-174 06 06," + group + "\n"
                + "s3,Cecilia Carlsson,070-174 06 07," + group + "\n");
        String title = "Elavbrott " + unique;
        Instant opened = Instant.now();
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("title", title, "text", "Strömmen är borta i norra delen."))
                .post("/api/status/incidents").then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> !notices(title).isEmpty());

        String staffText = "Stabsmöte kl 15 " + unique;
        Instant bulletinAt = Instant.now();
        long bulletin = sendOk(Map.of("text", staffText, "groups", List.of(group), "channels", "sms"));
        awaitNothingLeftToSend(bulletin);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> notices(title).size() >= SUBSCRIBERS);

        List<LoggedRequest> notices = notices(title);
        Map<String, Long> perNumber = notices.stream().collect(Collectors.groupingBy(r -> form(r.getBodyAsString()).get("To"),
                Collectors.counting()));
        assertEquals(Set.copyOf(numbers), perNumber.keySet());
        assertEquals(Set.of(1L), Set.copyOf(perNumber.values()), "each subscriber once");

        Date lastStaff = sms(r -> form(r.getBodyAsString()).get("Body").equals(staffText)).stream().map(LoggedRequest::getLoggedDate)
                .max(Date::compareTo).orElseThrow();
        long aheadOfStaff = notices.stream().filter(r -> r.getLoggedDate().toInstant().isAfter(bulletinAt)
                && !r.getLoggedDate().after(lastStaff)).count();
        long afterStaff = notices.stream().filter(r -> r.getLoggedDate().after(lastStaff)).count();
        Date lastNotice = notices.stream().map(LoggedRequest::getLoggedDate).max(Date::compareTo).orElseThrow();
        System.out.printf("FIGURES subscribers=%d notices-sent-in=%d ms staff-bulletin-sent-in=%d ms notices-ahead-of-staff=%d after=%d%n",
                SUBSCRIBERS, lastNotice.getTime() - opened.toEpochMilli(), lastStaff.getTime() - bulletinAt.toEpochMilli(), aheadOfStaff,
                afterStaff);
        assertTrue(afterStaff > 0, "the notice was still going out when the bulletin was sent, or this proves nothing");
        assertTrue(aheadOfStaff <= NoticeFanOut.MOST_WAITING,
                "the bulletin waited behind at most the few seconds of notices already queued, not behind all: " + aheadOfStaff);
    }

    private static List<LoggedRequest> notices(String title) {
        return sms(r -> r.getBodyAsString().contains("Ny+st%C3%B6rning") && form(r.getBodyAsString()).get("Body").contains(title));
    }

    private static List<LoggedRequest> sms(java.util.function.Predicate<LoggedRequest> which) {
        return FakeProviders.twilio().getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().endsWith("/Messages.json")).map(LoggedRequest.class::cast).filter(which).toList();
    }
}
