package se.outband.messaging.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.micrometer.core.instrument.MeterRegistry;
import se.outband.messaging.providers.SendResult;

/**
 * The common send result, sent (a provider reports on it later), stored by one statement per delivery in a JDBC
 * batch without loading the rows: loading them, having Hibernate check each for changes and writing every column
 * back was most of what storing results cost, and wrote back columns another job may have changed meanwhile.
 */
@ApplicationScoped
class SentResults {

    private final MeterRegistry metrics;

    SentResults(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Stores the answers that say sent; a row gone meanwhile is simply not updated. */
    List<DeliveriesAccepted.Accepted> store(List<Outbox.Outcome> sent, Instant now) {
        if (sent.isEmpty()) {
            return List.of();
        }
        List<DeliveriesAccepted.Accepted> accepted = new ArrayList<>();
        Delivery.getEntityManager().unwrap(Session.class).doWork(connection -> {
            // A message of its own may hold a code or a personal link: kept only until it is sent.
            try (PreparedStatement update = connection.prepareStatement("update delivery set state = ?, provider_id = ?, provider = ?,"
                    + " updated_at = ?, leased_by = null, lease_until = null, reached_at = null, body = null, unsubscribe_url = null"
                    + " where id = ?")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                for (Outbox.Outcome outcome : sent) {
                    SendResult.Accepted answer = (SendResult.Accepted) outcome.result();
                    update.setString(1, DeliveryState.SENT.name());
                    update.setString(2, answer.providerId());
                    update.setString(3, answer.provider());
                    update.setObject(4, at);
                    update.setLong(5, outcome.deliveryId());
                    update.addBatch();
                    accepted.add(new DeliveriesAccepted.Accepted(outcome.deliveryId(), answer.provider(), answer.providerId()));
                    metrics.counter("outband.deliveries.sent", "channel", outcome.channel().key()).increment();
                }
                update.executeBatch();
            }
        });
        return accepted;
    }
}
