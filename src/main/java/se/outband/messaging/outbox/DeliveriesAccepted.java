package se.outband.messaging.outbox;

import java.util.List;

/**
 * Fired once in the transaction that stores a batch of send results, with the deliveries a provider accepted,
 * so reports that came before their results (kept by the inbound side) are applied at once. Once per batch, not
 * per delivery: a query per delivery made Hibernate check every loaded row of the batch for changes each time.
 */
public record DeliveriesAccepted(List<Accepted> deliveries) {

    /** A delivery the provider accepted, by the id the provider gave it. */
    public record Accepted(long deliveryId, String provider, String providerId) {
    }
}
