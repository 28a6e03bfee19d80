package se.outband.messaging.outbox;

import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.micrometer.core.instrument.MeterRegistry;
import se.outband.common.NumberOutcome;
import se.outband.common.UnreachableNumber;
import se.outband.messaging.providers.voice.CallGateway;

/** A delivery that failed for good, and what follows: a call, or an email, for the person it did not reach. */
@ApplicationScoped
public class DeliveryFailures {

    /** Twilio's SMS errors that say the number exists but takes no SMS (a landline): a call may still reach it. */
    private static final Set<String> CANNOT_TAKE_SMS = Set.of("21614", "30006");
    /**
     * The providers' reasons that say the number itself cannot be reached: Twilio's 21211 (no such number), 21614 (not a
     * mobile), 30005 (the operator does not know it), 30006 (a landline, or an operator that takes no SMS), and 46elks'
     * report "failed", which gives no reason. Not 30003: Twilio says a phone that is off or out of coverage causes it,
     * usually for a while, and in a power cut that is many phones at once.
     */
    private static final Set<String> UNREACHABLE = Set.of("21211", "21614", "30005", "30006", "46elks-failed");
    /** Giving up after retrying says the provider was away, not that the number is wrong. */
    private static final String GAVE_UP = "gave-up";

    private final Clock clock;
    private final MeterRegistry metrics;
    private final Event<DeliveriesQueued> queued;
    private final CallGateway calls;
    private final FallbackAddresses fallbacks;
    private final Event<NumberOutcome> numbers;
    private final Event<UnreachableNumber> unreachable;

    DeliveryFailures(Clock clock, MeterRegistry metrics, Event<DeliveriesQueued> queued, CallGateway calls, FallbackAddresses fallbacks,
            Event<NumberOutcome> numbers, Event<UnreachableNumber> unreachable) {
        this.numbers = numbers;
        this.unreachable = unreachable;
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
        if (delivery.channel == Channel.SMS && delivery.bulletinId == null && code != null && UNREACHABLE.contains(code)) {
            // Only messages of their own: what a staff bulletin shows about a number is for leaders to see, not for subscriptions.
            unreachable.fire(new UnreachableNumber(delivery.address, code, clock.instant()));
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
