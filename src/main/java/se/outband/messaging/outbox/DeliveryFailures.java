package se.outband.messaging.outbox;

import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.micrometer.core.instrument.MeterRegistry;
import se.outband.common.NumberOutcome;
import se.outband.messaging.providers.voice.CallGateway;

/** A delivery that failed for good, and what follows: a call, or an email, for the person it did not reach. */
@ApplicationScoped
public class DeliveryFailures {

    /** Twilio's SMS errors that say the number exists but takes no SMS (a landline): a call may still reach it. */
    private static final Set<String> CANNOT_TAKE_SMS = Set.of("21614", "30006");
    /** Giving up after retrying says the provider was away, not that the number is wrong. */
    private static final String GAVE_UP = "gave-up";

    private final Clock clock;
    private final MeterRegistry metrics;
    private final Event<DeliveriesQueued> queued;
    private final CallGateway calls;
    private final FallbackAddresses fallbacks;
    private final Event<NumberOutcome> numbers;

    DeliveryFailures(Clock clock, MeterRegistry metrics, Event<DeliveriesQueued> queued, CallGateway calls, FallbackAddresses fallbacks,
            Event<NumberOutcome> numbers) {
        this.numbers = numbers;
        this.fallbacks = fallbacks;
        this.clock = clock;
        this.metrics = metrics;
        this.queued = queued;
        this.calls = calls;
    }

    public void fail(Delivery delivery, String code, String error, DeliveryState state) {
        delivery.state = state;
        delivery.errorCode = code;
        delivery.lastError = truncate(error);
        metrics.counter("outband.deliveries.failed", "channel", delivery.channel.key()).increment();
        if (delivery.channel == Channel.SMS && !GAVE_UP.equals(code)) {
            numbers.fire(new NumberOutcome(delivery.address, code == null ? "" : code, clock.instant()));
        }
        if (delivery.channel != Channel.EMAIL) {
            fallBack(delivery);
        }
    }

    /**
     * Someone an SMS could not reach is called when the provider said the number takes no SMS (a
     * landline); with sms-then-email, whoever neither SMS nor a call reached gets one email, if they have an address.
     */
    private void fallBack(Delivery failed) {
        if (failed.recipientId == null) {
            // A message of its own goes to one address only.
            return;
        }
        boolean callable = failed.channel == Channel.SMS && failed.errorCode != null && CANNOT_TAKE_SMS.contains(failed.errorCode);
        if (callable && calls.available() && queueOnce(failed, Channel.VOICE, failed.address)) {
            return;
        }
        fallbacks.email(failed).ifPresent(email -> queueOnce(failed, Channel.EMAIL, email));
    }

    /** False when the person already has a delivery on that channel: a repeated report must not send twice. */
    private boolean queueOnce(Delivery failed, Channel channel, String address) {
        if (Delivery.count("recipientId = ?1 and channel = ?2", failed.recipientId, channel) > 0) {
            return false;
        }
        Delivery.queued(failed.bulletinId, failed.recipientId, channel, address, failed.id, clock.instant()).persist();
        queued.fire(new DeliveriesQueued());
        return true;
    }

    /** An SMS arrived: its number works, whatever an earlier one showed. */
    public void reached(Delivery delivery) {
        if (delivery.channel == Channel.SMS) {
            numbers.fire(new NumberOutcome(delivery.address, null, clock.instant()));
        }
    }

    /** Provider errors can be long; the column keeps the first 1,000 characters. */
    static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
