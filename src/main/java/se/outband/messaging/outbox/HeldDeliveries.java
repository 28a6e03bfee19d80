package se.outband.messaging.outbox;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
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

    HeldDeliveries(Outbox outbox) {
        this.outbox = outbox;
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
        if (!held.isEmpty()) {
            outbox.renewLeases(List.copyOf(held));
        }
    }

    /**
     * Takes over what dead instances left. What this one holds is renewed first: while the database was
     * away (a failover) its leases may have run out, yet its senders have them in hand or answered.
     */
    @ScheduledJob
    @Scheduled(every = "5s", identity = "outbox-lease-reclaim", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reclaim() {
        renew();
        outbox.reclaimExpiredLeases();
    }
}
