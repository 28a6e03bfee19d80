package se.outband.messaging.outbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import se.outband.common.InstanceName;
import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.sms.SmsConfig;

/**
 * The delivery rows through sending: their leases, and recording what the provider answered (claiming them is
 * {@link Claims}', failures and fallbacks {@link DeliveryFailures}'; the provider's later reports come from the inbound side).
 * At-least-once: a row claimed but never recorded (a crash) is sent again, after a restart on the
 * embedded database, or by another instance once its lease runs out.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private final Clock clock;
    private final SmsConfig smsConfig;
    private final Backoff backoff;
    private final MeterRegistry metrics;
    private final DeliveryFailures failures;
    private final Event<DeliveriesAccepted> acceptances;
    private final SentResults sentResults;
    private final Event<DeliveriesQueued> queued;
    /** Who holds a lease: this process, until it stops. */
    private final String instance;

    Outbox(Clock clock, SmsConfig smsConfig, InstanceName instance, MeterRegistry metrics, DeliveryFailures failures,
            Event<DeliveriesAccepted> acceptances, Event<DeliveriesQueued> queued, SentResults sentResults) {
        this.sentResults = sentResults;
        this.queued = queued;
        this.acceptances = acceptances;
        this.clock = clock;
        this.instance = instance.toString();
        this.smsConfig = smsConfig;
        this.backoff = new Backoff(smsConfig.retry());
        this.metrics = metrics;
        this.failures = failures;
    }

    /**
     * At start on the embedded database: what was being sent when Outband stopped is queued again
     * (it may be sent twice, never lost). Only this process can open that database, so nobody else
     * is sending it.
     */
    @Transactional
    public int requeueInterrupted() {
        return Delivery.update("state = ?1, leasedBy = null, leaseUntil = null, updatedAt = ?2 where state = ?3",
                DeliveryState.QUEUED, clock.instant(), DeliveryState.SENDING);
    }

    /**
     * Deliveries whose instance died while sending them (it stopped renewing their lease before it stored
     * what the provider said) are queued again for any instance: they may be sent twice, never lost. So are
     * this instance's own that it no longer holds (a claim whose answer the database sent but a failover lost).
     * A row another transaction has locked is skipped, as renewing skips it: its answer is being stored, and
     * waiting for it while that transaction waited for a row this one had locked would be a deadlock, in the
     * very failover whose seconds count. The next reclaim, 5 s later, takes it if it is still expired.
     */
    @Transactional
    public int reclaimExpiredLeases() {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int reclaimed = Delivery.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            List<Long> expired;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select id from delivery where state = ? and lease_until < ? for update skip locked")) {
                lock.setString(1, DeliveryState.SENDING.name());
                lock.setObject(2, at);
                expired = Claims.ids(lock);
            }
            if (expired.isEmpty()) {
                return 0;
            }
            try (PreparedStatement requeue = connection.prepareStatement(
                    "update delivery set state = ?, leased_by = null, lease_until = null, updated_at = ? where id = any(?)")) {
                requeue.setString(1, DeliveryState.QUEUED.name());
                requeue.setObject(2, at);
                requeue.setArray(3, connection.createArrayOf("bigint", expired.toArray()));
                return requeue.executeUpdate();
            }
        });
        if (reclaimed > 0) {
            LOG.warnf("Queued %d deliveries again whose sender stopped before storing the provider's answer", reclaimed);
        }
        return reclaimed;
    }

    /**
     * A message of its own to one address (an answer to a leader's SMS command, a person's own link): in the
     * caller's transaction, so it is sent once that commits, with the outbox's retries and failover.
     * Returns the delivery's id, for asking later whether it failed ({@link #failedAmong}).
     */
    public long send(Channel channel, String address, String body) {
        return send(channel, address, body, null);
    }

    /**
     * A message of its own to someone who asked for it and may end that with one click (RFC 8058): an email
     * carries {@code unsubscribeUrl} in its List-Unsubscribe headers and below the text.
     */
    public long send(Channel channel, String address, String body, String unsubscribeUrl) {
        Delivery delivery = Delivery.queued(null, null, channel, address, null, clock.instant());
        delivery.body = body;
        delivery.unsubscribeUrl = unsubscribeUrl;
        delivery.persist();
        queued.fire(new DeliveriesQueued());
        return delivery.id;
    }

    /** Those of {@code deliveries} that failed for good (a number that does not exist, a mailbox that refuses). */
    @Transactional
    public Set<Long> failedAmong(Collection<Long> deliveries) {
        Set<Long> failed = new HashSet<>();
        List<Long> ids = List.copyOf(deliveries);
        // In slices: a check of 20,000 people must not become one statement with 20,000 parameters.
        for (int from = 0; from < ids.size(); from += 1000) {
            failed.addAll(Delivery.getEntityManager().createQuery("select d.id from Delivery d where d.id in ?1 and d.state in ?2",
                    Long.class).setParameter(1, ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .setParameter(2, List.of(DeliveryState.FAILED, DeliveryState.UNDELIVERED)).getResultList());
        }
        return failed;
    }

    /** Deliveries of a channel waiting to be sent: a bulletin's, and messages of their own (answers, codes, notices to the public). */
    public record Waiting(long bulletins, long own) {
    }

    /** What waits on {@code channel}, for work that must let bulletins go first (it queues only while none wait). */
    @Transactional
    public Waiting waiting(Channel channel) {
        return new Waiting(Delivery.count("state = ?1 and channel = ?2 and bulletinId is not null", DeliveryState.QUEUED, channel),
                Delivery.count("state = ?1 and channel = ?2 and bulletinId is null", DeliveryState.QUEUED, channel));
    }

    /** Deliveries this instance claimed and will not send after all (it is stopping): queued again for any instance at once. */
    @Transactional
    public int handBack(Collection<Long> unstarted) {
        return Delivery.update("state = ?1, leasedBy = null, leaseUntil = null, attempts = attempts - 1, updatedAt = ?2"
                + " where id in ?3 and leasedBy = ?4 and state = ?5", DeliveryState.QUEUED, clock.instant(), unstarted, instance,
                DeliveryState.SENDING);
    }

    /** Deliveries due for sending now, and since when the oldest has waited. */
    public record Backlog(long due, Instant oldestDue) {
    }

    @Transactional
    public Backlog backlog() {
        Object[] row = Delivery.getEntityManager().createQuery("select count(d), min(d.nextAttemptAt) from Delivery d"
                + " where d.state = ?1 and d.nextAttemptAt <= ?2", Object[].class)
                .setParameter(1, DeliveryState.QUEUED).setParameter(2, clock.instant()).getSingleResult();
        return new Backlog((Long) row[0], (Instant) row[1]);
    }

    /** A provider's answer to one send, waiting to be stored. */
    public record Outcome(long deliveryId, Channel channel, SendResult result) {

        /** The common answer, a message taken for sending that the provider reports on later. */
        boolean sent() {
            return result instanceof SendResult.Accepted accepted && !accepted.reached();
        }
    }

    /**
     * Records the providers' answers to a batch of sends in one transaction: the common answer, sent, by
     * {@link SentResults}; the rarer ones (retries, failures, fallbacks) through the entities.
     */
    @Transactional
    public void record(List<Outcome> outcomes) {
        Instant now = clock.instant();
        List<DeliveriesAccepted.Accepted> accepted = new ArrayList<>(sentResults.store(outcomes.stream().filter(Outcome::sent).toList(), now));
        List<Outcome> others = outcomes.stream().filter(o -> !o.sent()).toList();
        if (!others.isEmpty()) {
            Map<Long, Delivery> deliveries = Delivery.<Delivery>list("id in ?1", others.stream().map(Outcome::deliveryId).toList())
                    .stream().collect(Collectors.toMap(d -> d.id, d -> d));
            for (Outcome outcome : others) {
                Delivery delivery = deliveries.get(outcome.deliveryId());
                // A row gone meanwhile (a restore, an erasure) has nothing left to record.
                if (delivery != null && apply(delivery, outcome.result(), now)) {
                    accepted.add(new DeliveriesAccepted.Accepted(delivery.id, delivery.provider, delivery.providerId));
                }
            }
        }
        if (!accepted.isEmpty()) {
            acceptances.fire(new DeliveriesAccepted(accepted));
        }
    }

    /** Applies a provider's answer to its delivery; true when the provider accepted the message. */
    private boolean apply(Delivery delivery, SendResult result, Instant now) {
        delivery.updatedAt = now;
        delivery.leasedBy = null;
        delivery.leaseUntil = null;
        String channel = delivery.channel.key();
        if (!(result instanceof SendResult.Retry)) {
            // A message of its own may hold a code or a personal link: kept only until it is sent or given up.
            delivery.body = null;
            delivery.unsubscribeUrl = null;
        }
        if (result instanceof SendResult.Accepted accepted) {
            delivery.providerId = accepted.providerId();
            delivery.provider = accepted.provider();
            delivery.state = accepted.reached() ? DeliveryState.DELIVERED : DeliveryState.SENT;
            delivery.reachedAt = accepted.reached() ? now : null;
            if (accepted.reached()) {
                failures.reached(delivery);
            }
            metrics.counter("outband.deliveries.sent", "channel", channel).increment();
            return true;
        } else if (result instanceof SendResult.Retry retry) {
            delivery.lastError = DeliveryFailures.truncate(retry.error());
            if (now.isAfter(delivery.createdAt.plus(smsConfig.retry().giveUpAfter()))) {
                failures.fail(delivery, "gave-up", retry.error(), DeliveryState.FAILED);
            } else {
                delivery.state = DeliveryState.QUEUED;
                delivery.nextAttemptAt = now.plus(backoff.after(delivery.attempts));
                metrics.counter("outband.deliveries.retried", "channel", channel).increment();
            }
        } else if (result instanceof SendResult.Failed failed) {
            delivery.provider = failed.provider();
            failures.fail(delivery, failed.code(), failed.error(), DeliveryState.FAILED);
        }
        return false;
    }
}
