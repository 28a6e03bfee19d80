package se.outband.messaging.bulletins;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;
import se.outband.contacts.ContactService;
import se.outband.messaging.outbox.DeliveriesQueued;

/**
 * Stores who a bulletin goes to. The first few hundred are stored with the bulletin, so the first
 * messages leave as soon as it commits; the others wait as a list of contact ids on the bulletin's
 * row (stored in the same transaction: nothing accepted is lost) and are stored a chunk at a time
 * right after, each chunk waking the dispatcher. A restart finishes whatever a crash interrupted.
 */
@ApplicationScoped
class AudienceStore {

    private static final Logger LOG = Logger.getLogger(AudienceStore.class);
    static final int FIRST = 500;
    static final int CHUNK = 2000;

    /** Fired in the bulletin's transaction when contacts were left for later. */
    record Pending(long bulletinId) {
    }

    private final BulletinRows rows;
    private final ContactService contacts;
    private final Event<DeliveriesQueued> queued;
    private final Event<Pending> pending;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final ChannelPlanner planner;

    AudienceStore(BulletinRows rows, ContactService contacts, Event<DeliveriesQueued> queued, Event<Pending> pending,
            ManagedExecutor executor, Clock clock, ChannelPlanner planner) {
        this.planner = planner;
        this.rows = rows;
        this.contacts = contacts;
        this.queued = queued;
        this.pending = pending;
        this.executor = executor;
        this.clock = clock;
    }

    /** In the bulletin's transaction: stores the first recipients and keeps the others for right after the commit. */
    void store(Bulletin bulletin, List<PlannedRecipient> plan) throws SQLException {
        int first = Math.min(FIRST, plan.size());
        rows.store(bulletin.id, plan.subList(0, first), bulletin.createdAt);
        if (first < plan.size()) {
            rows.keepPending(bulletin.id, plan.subList(first, plan.size()).stream().map(p -> p.contact().id()).toList());
            pending.fire(new Pending(bulletin.id));
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Pending event) {
        executor.execute(() -> storeRest(event.bulletinId()));
    }

    /** Also what a crash or a failed chunk left: a restart runs this at once. */
    @ScheduledJob
    @Scheduled(every = "10s", identity = "audience-store", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void storeEveryRest() throws SQLException {
        for (long bulletinId : QuarkusTransaction.requiringNew().call(rows::withPending)) {
            storeRest(bulletinId);
        }
    }

    /** When the oldest bulletin with recipients still to be stored was accepted. */
    Optional<Instant> oldestPending() {
        return QuarkusTransaction.requiringNew().call(rows::oldestPending);
    }

    private void storeRest(long bulletinId) {
        try {
            while (QuarkusTransaction.requiringNew().call(() -> storeChunk(bulletinId))) {
                LOG.debugf("Stored another chunk of recipients of bulletin %d", bulletinId);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not store the rest of the recipients of bulletin %d; trying again shortly", bulletinId);
        }
    }

    /** Stores the next chunk, false when there was none. Contacts deleted since the bulletin was accepted are skipped. */
    private boolean storeChunk(long bulletinId) throws SQLException {
        List<String> ids = rows.takePending(bulletinId, CHUNK);
        if (ids.isEmpty()) {
            return false;
        }
        Bulletin bulletin = Bulletin.findById(bulletinId);
        List<PlannedRecipient> plan = contacts.resolve(List.of(), ids).addressees().stream()
                .map(contact -> planner.plan(contact, bulletin.channels)).toList();
        rows.store(bulletinId, plan, clock.instant());
        queued.fire(new DeliveriesQueued());
        return true;
    }
}
