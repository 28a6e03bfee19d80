package se.outband.messaging.providers.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.messaging.Fake46elks;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;
import se.outband.subscriptions.SmsSubscriber;

/**
 * 46elks reports a subscriber's welcome "failed" (it gives no reason): the subscription ends, and the number's next
 * subscribe word gets no SMS back. In {@link FailoverTest}'s profile, so it costs no start of its own.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
@TestProfile(FailoverTest.TwoProviders.class)
class SubscriberOn46elksTest {

    @Inject
    FailoverSmsGateway providers;

    private final String number = "+46703" + String.format("%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));

    @BeforeEach
    void onlyFortySixElksSends() {
        FakeProviders.reset();
        Fake46elks.reset();
        FakeProviders.twilio().stubFor(any(urlPathMatching("/2010-04-01/.*")).atPriority(1)
                .willReturn(FakeProviders.twilioError(503, 20503, "Service unavailable")));
    }

    @AfterEach
    void forgetTheNumber() {
        MessagingTestSupport.awaitNothingLeftToSendTo(number);
        QuarkusTransaction.requiringNew().run(() -> {
            SmsSubscriber.delete("mobile", number);
            SmsSubscriber.getEntityManager().createNativeQuery("delete from unreachable_number where mobile = ?1").setParameter(1, number)
                    .executeUpdate();
        });
        FakeProviders.reset();
        providers.probe();
    }

    @Test
    void aWelcome46elksReportsFailedEndsTheSubscriptionAndTheNextWordGetsNoAnswer() {
        text("PRENUMERERA");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> toNumber() == 1);
        String id = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("address = ?1 and state = ?2 and provider = ?3", number, DeliveryState.SENT, "46elks")
                        .firstResultOptional().map(d -> d.providerId).orElse(null)), sid -> sid != null);

        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("id", id, "status", "failed"))
                .post("/webhooks/46elks/" + Fake46elks.WEBHOOK_SECRET + "/status").then().statusCode(204);
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> SmsSubscriber.count("mobile", number)));

        long asked = asked();
        text("PRENUMERERA");
        MessagingTestSupport.awaitNothingLeftToSendTo(number);
        assertEquals(asked, asked(), "neither provider was asked to answer the word");
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> SmsSubscriber.count("mobile", number)));
    }

    private void text(String word) {
        given().contentType("application/x-www-form-urlencoded").formParams(Map.of("id", "s" + UUID.randomUUID().toString().replace("-", ""),
                "from", number, "to", Fake46elks.SENDER, "message", word))
                .post("/webhooks/46elks/" + Fake46elks.WEBHOOK_SECRET + "/inbound").then().statusCode(204);
    }

    /** What either provider was asked to send to the number, whether it took it or not. */
    private long asked() {
        return toNumber() + MessagingTestSupport.smsRequests().stream().filter(r -> number.equals(r.get("To"))).count();
    }

    private long toNumber() {
        return Fake46elks.smsRequests().stream().filter(r -> number.equals(r.get("to"))).count();
    }
}
