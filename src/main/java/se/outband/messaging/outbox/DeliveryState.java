package se.outband.messaging.outbox;

/**
 * QUEUED → SENDING → SENT → DELIVERED; SENT → UNDELIVERED | FAILED from the provider's callback;
 * SENDING → QUEUED to retry; SENDING → FAILED on a permanent error. The last three never change again.
 */
public enum DeliveryState {
    QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED;

    public boolean isFinal() {
        return this == DELIVERED || this == UNDELIVERED || this == FAILED;
    }
}
