package se.outband.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import se.outband.messaging.sms.SmsConfig;

/**
 * The delivery rows and every change of their state: claiming for sending, recording what the
 * provider answered, the provider's later status reports, and falling back from SMS to email.
 * At-least-once: a row claimed but never recorded (a crash) is sent again after a restart.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    /** What a provider's report can say that changes a delivery. */
    private static final Set<String> REPORTED_STATES = Set.of("sent", "delivered", "undelivered", "failed");

    /** A delivery taken for sending, with what the sender needs to send it. */
    public record Claimed(long deliveryId, Channel channel, String address, String message, int smsSegments) {
    }

    private final Clock clock;
    private final SmsConfig smsConfig;
    private final MeterRegistry metrics;
    private final Event<DeliveriesQueued> queued;

    Outbox(Clock clock, SmsConfig smsConfig, MeterRegistry metrics, Event<DeliveriesQueued> queued) {
        this.clock = clock;
        this.smsConfig = smsConfig;
        this.metrics = metrics;
        this.queued = queued;
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
            applyEarlyReports(delivery);
        } else if (result instanceof SendResult.Retry retry) {
            delivery.lastError = truncate(retry.error());
            if (now.isAfter(delivery.createdAt.plus(smsConfig.retry().giveUpAfter()))) {
                fail(delivery, "gave-up", retry.error(), DeliveryState.FAILED);
            } else {
                delivery.state = DeliveryState.QUEUED;
                delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
                metrics.counter("outband.deliveries.retried", "channel", channel).increment();
            }
        } else if (result instanceof SendResult.Failed failed) {
            delivery.provider = failed.provider();
            fail(delivery, failed.code(), failed.error(), DeliveryState.FAILED);
        }
    }

    /**
     * A status report from the provider. Reports repeat and arrive out of order: a final state never
     * changes again, so a late "sent" cannot overwrite "delivered"; reports for the same message wait
     * for each other (row lock), so a repeated "failed" falls back once. A report for a message whose
     * send result is not stored yet waits in {@link EarlyStatus} until it is.
     */
    @Transactional
    public void providerStatus(String providerId, String status, String errorCode) {
        Delivery delivery = lockedByProviderId(providerId);
        if (delivery != null) {
            applyStatus(delivery, status, errorCode);
        } else if (REPORTED_STATES.contains(status) && EarlyStatus.findById(earlyKey(providerId, status)) == null) {
            EarlyStatus early = new EarlyStatus();
            early.providerId = providerId;
            early.status = status;
            early.errorCode = errorCode;
            early.receivedAt = clock.instant();
            early.persist();
            LOG.infof("Status %s for message %s kept until its send result is stored", early.status, providerId);
        }
    }

    /** Reports that came before the send result; a report in the same instant is caught by the sweep below. */
    private void applyEarlyReports(Delivery delivery) {
        for (EarlyStatus early : EarlyStatus.<EarlyStatus>list("providerId", delivery.providerId)) {
            applyStatus(delivery, early.status, early.errorCode);
            early.delete();
        }
    }

    /** Early reports whose message is known by now; reports for messages never seen are dropped after a week. */
    @Scheduled(every = "10s", identity = "early-status-reports", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void applyWaitingReports() {
        for (EarlyStatus early : EarlyStatus.<EarlyStatus>list("providerId in (select d.providerId from Delivery d)")) {
            applyStatus(lockedByProviderId(early.providerId), early.status, early.errorCode);
            early.delete();
        }
        EarlyStatus.delete("receivedAt < ?1", clock.instant().minus(Duration.ofDays(7)));
    }

    /** Reports for one message wait for each other here, so a repeated "failed" falls back once. */
    private static Delivery lockedByProviderId(String providerId) {
        return Delivery.<Delivery>find("providerId", providerId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private static EarlyStatus.Key earlyKey(String providerId, String status) {
        EarlyStatus.Key key = new EarlyStatus.Key();
        key.providerId = providerId;
        key.status = status;
        return key;
    }

    private void applyStatus(Delivery delivery, String status, String errorCode) {
        if (delivery.state.isFinal()) {
            return;
        }
        Instant now = clock.instant();
        switch (status == null ? "" : status) {
            case "sent" -> delivery.state = DeliveryState.SENT;
            case "delivered" -> {
                delivery.state = DeliveryState.DELIVERED;
                delivery.reachedAt = now;
            }
            case "undelivered" -> fail(delivery, errorCode, "Twilio reported the message undelivered", DeliveryState.UNDELIVERED);
            case "failed" -> fail(delivery, errorCode, "Twilio reported the message failed", DeliveryState.FAILED);
            default -> {
                return;
            }
        }
        delivery.updatedAt = now;
    }

    private void fail(Delivery delivery, String code, String error, DeliveryState state) {
        delivery.state = state;
        delivery.errorCode = code;
        delivery.lastError = truncate(error);
        metrics.counter("outband.deliveries.failed", "channel", delivery.channel.key()).increment();
        if (delivery.channel == Channel.SMS) {
            fallBackToEmail(delivery);
        }
    }

    /** With sms-then-email, a failed SMS is followed by one email, if the person has an address. */
    private void fallBackToEmail(Delivery sms) {
        Bulletin bulletin = Bulletin.findById(sms.bulletinId);
        Recipient recipient = Recipient.findById(sms.recipientId);
        if (bulletin.channels != ChannelPolicy.SMS_THEN_EMAIL || recipient.email == null
                || Delivery.count("recipientId = ?1 and channel = ?2", recipient.id, Channel.EMAIL) > 0) {
            return;
        }
        queue(bulletin.id, recipient.id, Channel.EMAIL, recipient.email, sms.id, clock.instant()).persist();
        queued.fire(new DeliveriesQueued(bulletin.id));
    }

    /** Doubles from the initial backoff up to the maximum, with "equal jitter" so retries do not arrive together. */
    Duration backoff(int attempts) {
        SmsConfig.Retry retry = smsConfig.retry();
        long initial = retry.initialBackoff().toMillis();
        long capped = Math.min(retry.maxBackoff().toMillis(), initial << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
