package se.outband.messaging.outbox;

/**
 * Fired in the transaction that stores a provider's acceptance of a delivery, so reports that came before
 * it (kept by the inbound side) are applied at once.
 */
public record DeliveryAccepted(Delivery delivery) {
}
