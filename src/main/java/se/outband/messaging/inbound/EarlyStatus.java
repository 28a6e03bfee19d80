package se.outband.messaging.inbound;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

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
}
