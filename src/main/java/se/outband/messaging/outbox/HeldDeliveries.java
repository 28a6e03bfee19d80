package se.outband.messaging.outbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.InstanceName;
import se.outband.common.ScheduledJob;

/**
 * The deliveries this instance holds (claimed for sending, their result not stored yet), whose leases
 * it renews as long as it lives: a message may wait its turn at the provider's rate, which every
 * instance shares, longer than a lease, and must not be taken over meanwhile. Only an instance that
 * stops renewing (a dead one) has its messages taken over, and what this one claimed but lost track of.
 */
@ApplicationScoped
class HeldDeliveries {

    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final Outbox outbox;
    private final Clock clock;
    private final String instance;
    private final Duration lease;

    HeldDeliveries(Outbox outbox, Clock clock, InstanceName instance, OutboxConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.instance = instance.toString();
        this.lease = config.lease();
    }

    void hold(List<Claims.Claimed> claimed) {
        claimed.forEach(c -> held.add(c.deliveryId()));
    }

    /** Its result is stored, or storing it failed and the lease may run out: either way it is no longer held. */
    void release(long deliveryId) {
        held.remove(deliveryId);
    }

    /** Often enough that a lease of the shortest allowed length (10 s) never runs out under a live instance. */
    @ScheduledJob
    @Scheduled(every = "3s", identity = "outbox-lease-renew", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        renewLeases();
    }

    /**
     * Takes over what dead instances left. What this one holds is renewed first: while the database was
     * away (a failover) its leases may have run out, yet its senders have them in hand or answered.
     */
    @ScheduledJob
    @Scheduled(every = "5s", identity = "outbox-lease-reclaim", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reclaim() {
        renewLeases();
        outbox.reclaimExpiredLeases();
    }

    /**
     * Renews the leases of the held rows still this instance's (one taken over stays taken).
     * A row another transaction has locked is skipped, not waited for: its result is being stored. Waiting for it
     * while that transaction waited for a row this one had locked was a deadlock, which PostgreSQL broke only after
     * a second in which no message was sent; the next renewal, seconds before the lease runs out, takes the row if it
     * is still held.
     */
    void renewLeases() {
        if (held.isEmpty()) {
            return;
        }
        Long[] ids = held.toArray(Long[]::new);
        QuarkusTransaction.requiringNew().run(() -> Delivery.getEntityManager().unwrap(Session.class).doWork(connection -> {
            List<Long> free;
            try (PreparedStatement lock = connection.prepareStatement("select id from delivery where id = any(?) and leased_by = ?"
                    + " and state = ? for update skip locked")) {
                lock.setArray(1, connection.createArrayOf("bigint", ids));
                lock.setString(2, instance);
                lock.setString(3, DeliveryState.SENDING.name());
                free = Claims.ids(lock);
            }
            if (free.isEmpty()) {
                return;
            }
            try (PreparedStatement renew = connection.prepareStatement("update delivery set lease_until = ? where id = any(?)")) {
                renew.setObject(1, OffsetDateTime.ofInstant(clock.instant().plus(lease), ZoneOffset.UTC));
                renew.setArray(2, connection.createArrayOf("bigint", free.toArray()));
                renew.executeUpdate();
            }
        }));
    }
}
