package se.outband.messaging.outbox;

/** Fired when new deliveries are committed, so the dispatcher starts on them at once instead of at its next poll. */
public record DeliveriesQueued() {
}
