package se.outband.messaging.inbound;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A status report for a message whose send result is not stored yet: applied as soon as it is, and only
 * to a message of the provider whose webhook it came by.
 */
@Entity
@Table(name = "early_status")
@IdClass(EarlyStatus.Key.class)
public class EarlyStatus extends PanacheEntityBase {

    /** The composite key, as JPA wants it. */
    public static class Key implements Serializable {
        public String provider;
        public String providerId;
        public String status;

        public Key() {
        }

        Key(String provider, String providerId, String status) {
            this.provider = provider;
            this.providerId = providerId;
            this.status = status;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(k.provider, provider) && Objects.equals(k.providerId, providerId)
                    && Objects.equals(k.status, status);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, providerId, status);
        }
    }

    /** The provider whose webhook reported it ("twilio", "46elks"), as deliveries name theirs. */
    @Id
    public String provider;

    @Id
    @Column(name = "provider_id")
    public String providerId;

    @Id
    public String status;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "received_at")
    public Instant receivedAt;

    /**
     * The reports kept for any of these messages, each a pair of provider and provider id at the same index: one
     * statement of the same text for every batch of send results. A query with an IN list of the batch's ids made
     * Hibernate translate it anew for every length, a seventh of what storing the results cost.
     */
    static List<Key> keptFor(List<String> providers, List<String> providerIds) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<Key> kept = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select e.provider, e.provider_id, e.status"
                    + " from unnest(?, ?) as sent(provider, provider_id)"
                    + " join early_status e on e.provider = sent.provider and e.provider_id = sent.provider_id")) {
                select.setArray(1, connection.createArrayOf("varchar", providers.toArray()));
                select.setArray(2, connection.createArrayOf("varchar", providerIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        kept.add(new Key(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return kept;
        });
    }
}
