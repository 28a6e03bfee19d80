package se.outband.messaging.outbox;

/**
 * What the deliveries of one message say: asked of the feature that queued them (bulletins), so the
 * outbox stores each text once, not once per recipient.
 */
public interface MessageTexts {

    /** The text of the message that the deliveries with this {@code bulletinId} carry, and its SMS parts. */
    Text of(long bulletinId);

    record Text(String body, int smsSegments) {
    }
}
