package se.outband.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import se.outband.messaging.sms.SmsConfig;

/**
 * The delivery rows through sending: queueing, claiming for sending, and recording what the provider
 * answered (its later reports are {@link ProviderReports}', failures and fallbacks {@link DeliveryFailures}').
 * At-least-once: a row claimed but never recorded (a crash) is sent again after a restart.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** A delivery taken for sending, with what the sender needs to send it. */
    public record Claimed(long deliveryId, Channel channel, String address, String message, int smsSegments) {
    }

    private final Clock clock;
    private final SmsConfig smsConfig;
    private final MeterRegistry metrics;
    private final DeliveryFailures failures;
    private final ProviderReports reports;

    Outbox(Clock clock, SmsConfig smsConfig, MeterRegistry metrics, DeliveryFailures failures, ProviderReports reports) {
        this.clock = clock;
        this.smsConfig = smsConfig;
        this.metrics = metrics;
        this.failures = failures;
        this.reports = reports;
    }

    static Delivery queue(long bulletinId, long recipientId, Channel channel, String address, Long fallbackOf, Instant now) {
        Delivery delivery = new Delivery();
        delivery.bulletinId = bulletinId;
        delivery.recipientId = recipientId;
        delivery.channel = channel;
        delivery.address = address;
        delivery.state = DeliveryState.QUEUED;
        delivery.nextAttemptAt = now;
        delivery.fallbackOf = fallbackOf;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }

    /** After a crash or restart, what was being sent is queued again: it may be sent twice, never lost. */
    @Transactional
    public int requeueInterrupted() {
        return Delivery.update("state = ?1, updatedAt = ?2 where state = ?3",
                DeliveryState.QUEUED, clock.instant(), DeliveryState.SENDING);
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

    /** Marks up to {@code limit} due deliveries of a channel as SENDING, oldest first, and returns them. */
    @Transactional
    public List<Claimed> claim(Channel channel, int limit) {
        Instant now = clock.instant();
        List<Claimed> claimed = Delivery.getEntityManager().createQuery(
                "select new se.outband.messaging.Outbox$Claimed(d.id, d.channel, d.address, b.message, b.smsSegments)"
                        + " from Delivery d, Bulletin b where b.id = d.bulletinId and d.state = :queued"
                        + " and d.channel = :channel and d.nextAttemptAt <= :now"
                        // State and channel are fixed, but H2 reads the index in order only when they are named.
                        + " order by d.state, d.channel, d.nextAttemptAt, d.id", Claimed.class)
                .setParameter("queued", DeliveryState.QUEUED)
                .setParameter("channel", channel)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        if (!claimed.isEmpty()) {
            Delivery.update("state = ?1, attempts = attempts + 1, updatedAt = ?2 where id in ?3 and state = ?4",
                    DeliveryState.SENDING, now, claimed.stream().map(Claimed::deliveryId).toList(), DeliveryState.QUEUED);
        }
        return claimed;
    }

    /** A provider's answer to one send, waiting to be stored. */
    public record Outcome(long deliveryId, SendResult result) {
    }

    /** Records the providers' answers to a batch of sends in one transaction. */
    @Transactional
    public void record(List<Outcome> outcomes) {
        Map<Long, Delivery> deliveries = Delivery.<Delivery>list("id in ?1", outcomes.stream().map(Outcome::deliveryId).toList())
                .stream().collect(Collectors.toMap(d -> d.id, d -> d));
        Instant now = clock.instant();
        for (Outcome outcome : outcomes) {
            apply(deliveries.get(outcome.deliveryId()), outcome.result(), now);
        }
    }

    private void apply(Delivery delivery, SendResult result, Instant now) {
        delivery.updatedAt = now;
        String channel = delivery.channel.key();
        if (result instanceof SendResult.Accepted accepted) {
            delivery.providerId = accepted.providerId();
            delivery.provider = accepted.provider();
            delivery.state = accepted.reached() ? DeliveryState.DELIVERED : DeliveryState.SENT;
            delivery.reachedAt = accepted.reached() ? now : null;
            metrics.counter("outband.deliveries.sent", "channel", channel).increment();
            reports.applyEarlyReports(delivery);
        } else if (result instanceof SendResult.Retry retry) {
            delivery.lastError = DeliveryFailures.truncate(retry.error());
            if (now.isAfter(delivery.createdAt.plus(smsConfig.retry().giveUpAfter()))) {
                failures.fail(delivery, "gave-up", retry.error(), DeliveryState.FAILED);
            } else {
                delivery.state = DeliveryState.QUEUED;
                delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                metrics.counter("outband.deliveries.retried", "channel", channel).increment();
            }
        } else if (result instanceof SendResult.Failed failed) {
            delivery.provider = failed.provider();
            failures.fail(delivery, failed.code(), failed.error(), DeliveryState.FAILED);
        }
    }

    /** Doubles from the initial backoff up to the maximum, with "equal jitter" so retries do not arrive together. */
    Duration backoff(int attempts) {
        SmsConfig.Retry retry = smsConfig.retry();
        long initial = retry.initialBackoff().toMillis();
        long capped = Math.min(retry.maxBackoff().toMillis(), initial << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
