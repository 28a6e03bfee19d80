package se.outband.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/** A member of the public texting Outband's number through Twilio's signed webhook, and the SMS Twilio's fake got for them. */
final class PublicSms {

    static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private PublicSms() {
    }

    /** A number no other test uses. */
    static String newNumber() {
        return "+46703" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** Texts {@code body} from {@code from} and returns Outband's TwiML answer. */
    static String sms(String from, String body) {
        return FakeProviders.callAsTwilio("/webhooks/twilio/inbound", Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", from, "To", FakeProviders.SENDER_NUMBER, "Body", body)).statusCode(200).extract().asString();
    }

    /** The one SMS to {@code number} containing {@code text}, once it has reached Twilio; fails if there are two. */
    static String awaitOne(String number, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> !to(number, text).isEmpty());
        List<String> sent = to(number, text);
        assertEquals(1, sent.size(), sent.toString());
        return sent.get(0);
    }

    /** What Twilio's fake was asked to send to {@code number} containing {@code text}, oldest first. */
    static List<String> to(String number, String text) {
        return smsRequests().stream().filter(r -> number.equals(r.get("To")) && r.get("Body").contains(text)).map(r -> r.get("Body"))
                .toList();
    }

    /** No notice waits to be queued for SMS subscribers and no message waits to be sent. */
    static void awaitNothingLeftToSend() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> SubscriberNotice.count("done = false")
                        + Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }
}
