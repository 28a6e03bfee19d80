package se.outband.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.quarkus.scheduler.Scheduled;
import se.outband.access.AuditLog;
import se.outband.common.ScheduledJob;
import se.outband.common.UnreachableNumber;

/**
 * Subscribers whose number the provider reported unreachable: their subscription ends, and for
 * {@code outband.subscriptions.unreachable-remembered-for} a subscribe word from the number is dropped without an
 * answer, so a script texting from numbers that take no SMS costs one confirmation each, not one per word. Only
 * the number and the date are kept. Staff bulletins never look here.
 */
@ApplicationScoped
class UnreachableNumbers {

    private static final String TABLE = "unreachable_number";

    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration rememberedFor;

    UnreachableNumbers(EntityManager em, AuditLog audit, Clock clock, SubscriptionsConfig config) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.rememberedFor = config.unreachableRememberedFor();
    }

    /**
     * In the transaction that records the provider's answer or report, often a batch of many: its statements name
     * the tables they touch, so none of them flushes the deliveries recorded so far one by one.
     */
    void heard(@Observes UnreachableNumber unreachable) {
        long ended = SmsSubscriber.delete("mobile", unreachable.mobile());
        if (ended == 0) {
            // Not a subscriber (a leader's answer, a person's link, or a number that already left): nothing to end.
            return;
        }
        touching("insert into unreachable_number (mobile, reported_at) values (?1, ?2)").setParameter(1, unreachable.mobile())
                .setParameter(2, OffsetDateTime.ofInstant(unreachable.at(), ZoneOffset.UTC)).executeUpdate();
        audit.record(AuditLog.SYSTEM, "subscription.sms-unreachable", ("number=%s code=%s: the provider cannot reach the number;"
                + " the subscription ended and its subscribe words are dropped for %s").formatted(SmsSubscriptions.masked(unreachable.mobile()),
                        unreachable.code(), rememberedFor));
    }

    /** When the number was last reported unreachable, if that is within the time it is remembered. */
    @SuppressWarnings("unchecked")
    Optional<Instant> since(String mobile) {
        NativeQuery<Instant> latest = touching("select max(reported_at) as latest from unreachable_number where mobile = ?1"
                + " and reported_at >= ?2").addScalar("latest", Instant.class);
        return Optional.ofNullable(latest.setParameter(1, mobile).setParameter(2, cutOff()).getSingleResult());
    }

    @ScheduledJob
    @Scheduled(every = "1h", identity = "unreachable-numbers-forget")
    void forgetOld() {
        forget();
    }

    /** Forgets the numbers reported longer ago than they are remembered; returns how many rows went. */
    @Transactional
    int forget() {
        return em.createNativeQuery("delete from unreachable_number where reported_at < ?1").setParameter(1, cutOff()).executeUpdate();
    }

    private OffsetDateTime cutOff() {
        return OffsetDateTime.ofInstant(clock.instant().minus(rememberedFor), ZoneOffset.UTC);
    }

    @SuppressWarnings("rawtypes")
    private NativeQuery touching(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE);
    }
}
