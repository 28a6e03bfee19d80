package se.outband.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import se.outband.common.Database;
import se.outband.common.InstanceName;
import se.outband.messaging.providers.sms.SmsSegments;

/** Taking due deliveries for sending: each leased to this instance, never to two at once. */
@ApplicationScoped
class Claims {

    /** A delivery taken for sending, with what the sender needs to send it. */
    record Claimed(long deliveryId, Channel channel, String address, String message, int smsSegments, String unsubscribeUrl) {
    }

    private final Clock clock;
    private final Database database;
    private final MessageTexts texts;
    /** Who holds a lease: this process, until it stops. */
    private final String instance;
    private final Duration lease;

    Claims(Clock clock, Database database, MessageTexts texts, InstanceName instance, OutboxConfig config) {
        this.clock = clock;
        this.database = database;
        this.texts = texts;
        this.instance = instance.toString();
        this.lease = config.lease();
    }

    /**
     * Leases up to {@code limit} due deliveries of a channel to this instance, oldest first, and returns
     * them. On a shared database rows another instance is claiming at the same moment are skipped (their
     * row locks), so no two instances ever take the same row. The embedded database has no other instance:
     * there the lease's own condition (still queued) decides, and only what this very statement leased is
     * returned (H2's FINAL TABLE). H2 locks a row by writing it, which doubled what a claim wrote.
     */
    @Transactional
    public List<Claimed> claim(Channel channel, int limit) {
        Instant now = clock.instant();
        EntityManager em = Delivery.getEntityManager();
        boolean shared = !database.embedded();
        List<Long> due = ids(em.createNativeQuery("select id from delivery where state = ?1 and channel = ?2"
                + " and next_attempt_at <= ?3"
                // State and channel are fixed, but H2 reads the index in order only when they are named.
                + " order by state, channel, next_attempt_at, id limit ?4" + (shared ? " for update skip locked" : ""))
                .setParameter(1, DeliveryState.QUEUED.name())
                .setParameter(2, channel.name())
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(4, limit));
        if (due.isEmpty()) {
            return List.of();
        }
        List<Long> leased = shared ? leaseLocked(due, now) : leaseStillQueued(em, due, now);
        if (leased.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d.id, d.bulletinId, d.channel, d.address, d.body, d.unsubscribeUrl from Delivery d where d.id in ?1"
                + " order by d.nextAttemptAt, d.id", Object[].class).setParameter(1, leased).getResultStream()
                .map(row -> {
                    String own = (String) row[4];
                    MessageTexts.Text text = own != null ? new MessageTexts.Text(own, SmsSegments.count(own).segments())
                            : texts.of((Long) row[1]);
                    return new Claimed((Long) row[0], (Channel) row[2], (String) row[3], text.body(), text.smsSegments(),
                            (String) row[5]);
                }).toList();
    }

    /** Leases rows this transaction holds locked: all of them, or none. */
    private List<Long> leaseLocked(List<Long> due, Instant now) {
        int leased = Delivery.update("state = ?1, attempts = attempts + 1, updatedAt = ?2, leasedBy = ?3, leaseUntil = ?4"
                + " where id in ?5 and state = ?6", DeliveryState.SENDING, now, instance, now.plus(lease), due, DeliveryState.QUEUED);
        if (leased != due.size()) {
            // The rows are locked by this transaction: anything else is a database not keeping its locks.
            throw new IllegalStateException("Leased " + leased + " of " + due.size() + " locked deliveries; none is sent");
        }
        return due;
    }

    /** Leases those of the rows still queued, unlocked (the embedded database): exactly the ones this statement took. */
    private List<Long> leaseStillQueued(EntityManager em, List<Long> due, Instant now) {
        return ids(em.createNativeQuery("select id from final table (update delivery"
                + " set state = ?1, attempts = attempts + 1, updated_at = ?2, leased_by = ?3, lease_until = ?4 where id in (?5) and state = ?6)")
                .setParameter(1, DeliveryState.SENDING.name())
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, instance)
                .setParameter(4, OffsetDateTime.ofInstant(now.plus(lease), ZoneOffset.UTC))
                .setParameter(5, due)
                .setParameter(6, DeliveryState.QUEUED.name()));
    }

    private static List<Long> ids(Query query) {
        return ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }
}
