package se.outband.messaging.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;

/**
 * The ids of the SMS providers have handed Outband, so that each is handled once: a provider delivers
 * the same message again when it missed the answer, and may deliver it twice at the same moment, to two
 * instances. The database's primary key decides which delivery is the first; a check before the insert
 * would pass for both.
 */
@ApplicationScoped
class ReceivedMessages {

    /** Far longer than any provider goes on retrying a message (46elks: hours). */
    static final Duration KEPT = Duration.ofDays(7);

    private final EntityManager em;
    private final Clock clock;

    ReceivedMessages(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * True the first time {@code provider} delivers {@code messageId}. The insert commits in a transaction
     * of its own, at once, so a copy arriving meanwhile waits only for it; and a refused insert aborts
     * only that transaction (PostgreSQL aborts the whole transaction a refused statement is in).
     */
    boolean first(String provider, String messageId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "insert into inbound_message (provider, message_id, received_at) values (?1, ?2, ?3)")
                    .setParameter(1, provider).setParameter(2, messageId)
                    .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .executeUpdate());
            return true;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    return false;
                }
            }
            throw e;
        }
    }

    /** Handling the message failed: the provider's next delivery of it is handled as the first. */
    void forget(String provider, String messageId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from inbound_message where provider = ?1 and message_id = ?2")
                .setParameter(1, provider).setParameter(2, messageId).executeUpdate());
    }

    @ScheduledJob
    @Scheduled(every = "1h", identity = "inbound-messages-forget")
    @Transactional
    void forgetOld() {
        em.createNativeQuery("delete from inbound_message where received_at < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant().minus(KEPT), ZoneOffset.UTC)).executeUpdate();
    }
}
