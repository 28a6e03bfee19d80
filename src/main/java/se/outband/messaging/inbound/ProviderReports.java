package se.outband.messaging.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveriesAccepted;
import se.outband.messaging.outbox.DeliveryFailures;
import se.outband.messaging.outbox.DeliveryState;
import se.outband.messaging.providers.sms.SmsProvider;
import se.outband.messaging.providers.voice.VoiceConfig;

/**
 * What providers report later about a message or a call (delivered, failed, answered, busy…), in
 * whatever order and as often as they send it.
 */
@ApplicationScoped
public class ProviderReports {

    private static final Logger LOG = Logger.getLogger(ProviderReports.class);
    /** What a provider's report can say that changes a delivery. */
    private static final Set<String> REPORTED_STATES = Set.of("sent", "delivered", "undelivered", "failed",
            "completed", "busy", "no-answer", "canceled");
    /** How long a report for a message never seen is kept. */
    private static final Duration EARLY_KEPT = Duration.ofDays(7);
    /** Waiting reports applied per transaction, so a backlog never holds thousands of rows locked at once. */
    private static final int BATCH = 500;
    /** How a call ends when nobody picked up: called once more, then given up. */
    private static final Set<String> UNANSWERED = Set.of("busy", "no-answer");

    private final Clock clock;
    private final DeliveryFailures failures;
    private final VoiceConfig voice;

    ProviderReports(Clock clock, DeliveryFailures failures, VoiceConfig voice) {
        this.clock = clock;
        this.failures = failures;
        this.voice = voice;
    }

    /**
     * A status report from {@code provider} (as deliveries name it: "twilio", "46elks"), which applies only to
     * a message that provider took: an id another provider gave never matches, so a report on one provider's
     * webhook cannot change what the other sent. Reports repeat and arrive out of order: a final state never
     * changes again, so a late "sent" cannot overwrite "delivered"; reports for the same message wait for
     * each other (row lock), so a repeated "failed" falls back once. A report for a message whose send result
     * is not stored yet waits in {@link EarlyStatus} until it is.
     */
    @Transactional
    public void providerStatus(SmsProvider provider, String providerId, String status, String errorCode) {
        String reporter = provider.configValue();
        Delivery delivery = locked(reporter, providerId);
        if (delivery != null) {
            applyStatus(delivery, status, errorCode);
        } else if (status != null && REPORTED_STATES.contains(status) && EarlyStatus.findById(earlyKey(reporter, providerId, status)) == null) {
            EarlyStatus early = new EarlyStatus();
            early.provider = reporter;
            early.providerId = providerId;
            early.status = status;
            early.errorCode = errorCode;
            early.receivedAt = clock.instant();
            early.persist();
            LOG.infof("Status %s for message %s of %s kept until its send result is stored", early.status, providerId, reporter);
        }
    }

    /**
     * Reports that came before the send results of a batch, looked up in one query for the whole batch; a report in
     * the same instant is caught by the sweep below.
     */
    void applyEarlyReports(@Observes DeliveriesAccepted accepted) {
        Map<String, Long> byProviderId = new HashMap<>();
        List<String> providers = new ArrayList<>();
        List<String> providerIds = new ArrayList<>();
        for (DeliveriesAccepted.Accepted delivery : accepted.deliveries()) {
            // Email has no provider reporting on it.
            if (delivery.provider() != null && delivery.providerId() != null
                    && byProviderId.putIfAbsent(delivery.provider() + " " + delivery.providerId(), delivery.deliveryId()) == null) {
                providers.add(delivery.provider());
                providerIds.add(delivery.providerId());
            }
        }
        if (byProviderId.isEmpty()) {
            return;
        }
        for (EarlyStatus.Key kept : EarlyStatus.keptFor(providers, providerIds)) {
            EarlyStatus early = EarlyStatus.findById(kept);
            Delivery delivery = Delivery.findById(byProviderId.get(kept.provider + " " + kept.providerId));
            if (early != null && delivery != null) {
                applyStatus(delivery, early.status, early.errorCode);
                early.delete();
            }
        }
    }

    /**
     * Early reports whose message is known by now, a batch per transaction; reports for messages never seen
     * are dropped after a week. The reports waiting are few and the deliveries many (a bulletin to 6,000
     * people is 6,000 of them): each report looks its message up by the index on provider ids, never the
     * other way round. Listing every delivery's id instead made H2 sort that list on disk once it outgrew
     * memory (about 4,400 rows at production's heap), where it failed on every run.
     */
    @ScheduledJob
    @Scheduled(every = "10s", identity = "early-status-reports", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void applyWaitingReports() {
        while (QuarkusTransaction.requiringNew().call(this::applyKnownReports) == BATCH) {
            // a full batch: there may be more
        }
        QuarkusTransaction.requiringNew().run(() -> EarlyStatus.delete("receivedAt < ?1", clock.instant().minus(EARLY_KEPT)));
    }

    /** Applies and forgets up to {@link #BATCH} waiting reports whose message (of the same provider) is known; returns how many. */
    private int applyKnownReports() {
        List<EarlyStatus> known = EarlyStatus.<EarlyStatus>find("from EarlyStatus e where exists"
                + " (select 1 from Delivery d where d.providerId = e.providerId and d.provider = e.provider)").page(0, BATCH).list();
        for (EarlyStatus early : known) {
            Delivery delivery = locked(early.provider, early.providerId);
            if (delivery != null) {
                applyStatus(delivery, early.status, early.errorCode);
            }
            early.delete();
        }
        return known.size();
    }

    /** Reports for one message wait for each other here, so a repeated "failed" falls back once. */
    private static Delivery locked(String provider, String providerId) {
        return Delivery.<Delivery>find("providerId = ?1 and provider = ?2", providerId, provider)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private static EarlyStatus.Key earlyKey(String provider, String providerId, String status) {
        EarlyStatus.Key key = new EarlyStatus.Key();
        key.provider = provider;
        key.providerId = providerId;
        key.status = status;
        return key;
    }

    private void applyStatus(Delivery delivery, String status, String errorCode) {
        if (delivery.state.isFinal()) {
            return;
        }
        Instant now = clock.instant();
        String reported = status == null ? "" : status;
        boolean changed = delivery.channel == Channel.VOICE ? applyCallStatus(delivery, reported, now)
                : applySmsStatus(delivery, reported, errorCode, now);
        if (changed) {
            delivery.updatedAt = now;
        }
    }

    private boolean applySmsStatus(Delivery sms, String status, String errorCode, Instant now) {
        switch (status) {
            case "sent" -> sms.state = DeliveryState.SENT;
            case "delivered" -> {
                sms.state = DeliveryState.DELIVERED;
                sms.reachedAt = now;
                failures.reached(sms);
            }
            case "undelivered" -> failures.fail(sms, errorCode, sms.provider + " reported the message undelivered", DeliveryState.UNDELIVERED);
            case "failed" -> failures.fail(sms, errorCode, sms.provider + " reported the message failed", DeliveryState.FAILED);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** How a call ended: answered; nobody picked up (called once more after a while, then given up); or not possible. */
    private boolean applyCallStatus(Delivery call, String status, Instant now) {
        switch (status) {
            case "completed" -> {
                call.state = DeliveryState.DELIVERED;
                call.reachedAt = now;
            }
            case "busy", "no-answer" -> {
                if (call.errorCode != null && UNANSWERED.contains(call.errorCode)) {
                    failures.fail(call, status, "Nobody answered the second call either", DeliveryState.UNDELIVERED);
                } else {
                    call.state = DeliveryState.QUEUED;
                    call.errorCode = status;
                    call.lastError = "Nobody answered; calling again after " + voice.retryAfter();
                    call.nextAttemptAt = now.plus(voice.retryAfter());
                }
            }
            case "failed", "canceled" -> failures.fail(call, status, "Twilio could not make the call", DeliveryState.FAILED);
            default -> {
                return false;
            }
        }
        return true;
    }
}
