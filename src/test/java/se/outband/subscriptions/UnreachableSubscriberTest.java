package se.outband.subscriptions;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.auditBy;
import static se.outband.TestApi.auditTotal;
import static se.outband.subscriptions.PublicSms.EMPTY;
import static se.outband.subscriptions.PublicSms.awaitNothingLeftToSend;
import static se.outband.subscriptions.PublicSms.awaitOne;
import static se.outband.subscriptions.PublicSms.newNumber;
import static se.outband.subscriptions.PublicSms.sms;
import static se.outband.subscriptions.PublicSms.to;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.access.AuditLog;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * A subscriber whose number Twilio says it cannot reach (reported later on the signed status callback, or refused at
 * once) is no longer one, and a subscribe word from that number then gets no SMS back, until the time it is
 * remembered has passed. A phone that is only off, and a staff bulletin, end no subscription; the number's bulletins
 * are sent as ever.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class UnreachableSubscriberTest {

    @Inject
    UnreachableNumbers unreachable;

    @Inject
    SubscriptionsConfig config;

    private final List<String> numbers = new ArrayList<>();
    private final List<String> contacts = new ArrayList<>();

    @BeforeEach
    void quietProviders() {
        FakeProviders.reset();
    }

    @AfterEach
    void forgetEveryone() {
        awaitNothingLeftToSend();
        QuarkusTransaction.requiringNew().run(() -> {
            SmsSubscriber.delete("mobile in ?1", numbers);
            SmsSubscriber.getEntityManager().createNativeQuery("delete from unreachable_number where mobile in (?1)")
                    .setParameter(1, numbers).executeUpdate();
        });
        contacts.forEach(id -> asAdmin().delete("/api/contacts/" + id).then().statusCode(204));
    }

    @Test
    void aNumberTwilioDoesNotKnowLeavesAndItsNextWordsGetNoAnswer() {
        String number = number();
        sms(number, "PRENUMERERA");
        awaitOne(number, "Du får nu ett SMS");
        long audit = auditTotal();
        report(ownSid(number), "undelivered", "30005");
        assertEquals(0, subscribed(number));
        List<String> ended = auditBy(AuditLog.SYSTEM, audit);
        assertTrue(ended.stream().anyMatch(e -> e.startsWith("subscription.sms-unreachable") && e.contains("code=30005")
                && !e.contains(number)), ended.toString());

        int sent = to(number, "").size();
        assertEquals(EMPTY, sms(number, "PRENUMERERA"));
        assertEquals(EMPTY, sms(number, "subscribe"));
        awaitNothingLeftToSend();
        assertEquals(sent, to(number, "").size(), "no SMS to a number the provider cannot reach: " + to(number, ""));
        assertEquals(0, subscribed(number));
        List<String> dropped = auditBy("public via SMS", audit);
        assertEquals(2, dropped.stream().filter(e -> e.startsWith("subscription.sms-dropped") && !e.contains(number)).count(),
                dropped.toString());

        String text = "Samling i stadshuset " + UUID.randomUUID().toString().substring(0, 6);
        long bulletin = MessagingTestSupport.sendOk(Map.of("text", text, "contactIds", List.of(staff(number)), "channels", "sms"));
        MessagingTestSupport.awaitNothingLeftToSend(bulletin);
        assertEquals(1, to(number, text).size(), "a staff member's bulletin goes to the number as ever");
    }

    @Test
    void aWelcomeTwilioRefusesAtOnceEndsTheSubscription() {
        String number = number();
        FakeProviders.twilio().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=" + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                .willReturn(FakeProviders.twilioError(400, 21614, "'To' number is not a valid mobile number")));
        sms(number, "START");
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> subscribed(number) == 0);
        awaitNothingLeftToSend();
        int asked = to(number, "").size();
        assertEquals(1, asked, "the welcome was asked for once, and refused");

        sms(number, "PRENUMERERA");
        awaitNothingLeftToSend();
        assertEquals(asked, to(number, "").size(), "the word was dropped, not answered");
        assertEquals(0, subscribed(number));
    }

    @Test
    void aPhoneThatIsOffAndABulletinThatFailsEndNoSubscription() {
        String off = number();
        String leader = number();
        sms(off, "PRENUMERERA");
        sms(leader, "PRENUMERERA");
        awaitOne(off, "Du får nu ett SMS");
        awaitOne(leader, "Du får nu ett SMS");
        report(ownSid(off), "undelivered", "30003");

        String text = "Stabsmöte " + UUID.randomUUID().toString().substring(0, 6);
        long bulletin = MessagingTestSupport.sendOk(Map.of("text", text, "contactIds", List.of(staff(leader)), "channels", "sms"));
        String sid = (String) MessagingTestSupport.awaitDeliveries(bulletin, MessagingTestSupport.inState("SENT")).get(0).get("providerId");
        report(sid, "undelivered", "30005");
        assertEquals("UNDELIVERED", MessagingTestSupport.deliveries(bulletin).get(0).get("state"));

        assertEquals(1, subscribed(off), "30003 is a phone off or out of coverage, usually for a while");
        assertEquals(1, subscribed(leader), "what a bulletin shows is for leaders to act on");
        sms(off, "PRENUMERERA");
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(off, "Du får nu ett SMS").size() == 2);
    }

    @Test
    void aNumberIsForgottenOnceTheTimeItIsRememberedHasPassed() {
        String number = number();
        sms(number, "PRENUMERERA");
        awaitOne(number, "Du får nu ett SMS");
        report(ownSid(number), "failed", "21211");
        assertEquals(0, subscribed(number));
        unreachable.forget();
        assertEquals(1, remembered(number), "a number reported now is remembered, once");

        Instant longAgo = Instant.now().minus(config.unreachableRememberedFor()).minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> SmsSubscriber.getEntityManager()
                .createNativeQuery("update unreachable_number set reported_at = ?1 where mobile = ?2")
                .setParameter(1, OffsetDateTime.ofInstant(longAgo, ZoneOffset.UTC)).setParameter(2, number).executeUpdate());
        sms(number, "PRENUMERERA");
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(number, "Du får nu ett SMS").size() == 2);
        assertEquals(1, subscribed(number));
        assertTrue(unreachable.forget() >= 1);
        assertEquals(0, remembered(number), "only the number and the date were kept, and now not even those");
    }

    private String number() {
        String number = newNumber();
        numbers.add(number);
        return number;
    }

    /** A staff contact with {@code mobile}; returns their id. */
    private String staff(String mobile) {
        String id = "u" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().contentType("text/csv").body(("id,name,mobile\n" + id + ",Stina Stab," + mobile + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
        contacts.add(id);
        return id;
    }

    /** The Twilio id of the newest message of its own to {@code number}, once Twilio has taken it. */
    private static String ownSid(String number) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find(
                        "bulletinId is null and address = ?1 and state = ?2 order by id desc", number, DeliveryState.SENT)
                        .firstResultOptional().map(d -> d.providerId).orElse(null)), sid -> sid != null);
    }

    private static void report(String sid, String status, String errorCode) {
        FakeProviders.callAsTwilio("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", status, "ErrorCode", errorCode,
                "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
    }

    private static long subscribed(String number) {
        return QuarkusTransaction.requiringNew().call(() -> SmsSubscriber.count("mobile", number));
    }

    private static long remembered(String number) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) SmsSubscriber.getEntityManager()
                .createNativeQuery("select count(*) from unreachable_number where mobile = ?1").setParameter(1, number).getSingleResult())
                .longValue());
    }
}
