package se.outband.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

/**
 * Work one instance does for all the instances sharing the database, each job a row of
 * {@code shared_job}. A periodic job (the backup) is run by whichever instance first finds it due:
 * its update of the row is the claim, and the update count says who won. A standing job (publishing
 * the status page) is held by one instance as long as it keeps renewing it. An exclusive task (an
 * import) holds the row's lock until its transaction ends. On the embedded database there is one
 * instance, and the same statements simply always let it go ahead.
 */
@ApplicationScoped
public class SharedJobs {

    private static final Duration RETRY = Duration.ofMillis(100);

    private final EntityManager em;
    private final InstanceName instance;
    private final Database database;
    private final Clock clock;

    SharedJobs(EntityManager em, InstanceName instance, Database database, Clock clock) {
        this.em = em;
        this.database = database;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * True for the one instance that runs {@code job} now: no instance has run it for nearly
     * {@code every} (a tenth less, so that the instance whose timer ran it last time is not beaten by
     * its own timer's jitter).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, Duration every) {
        Instant now = clock.instant();
        return em.createNativeQuery("update shared_job set last_run_at = ?1, last_run_by = ?2"
                + " where name = ?3 and (last_run_at is null or last_run_at <= ?4)")
                .setParameter(1, utc(now))
                .setParameter(2, instance.toString())
                .setParameter(3, job)
                .setParameter(4, utc(now.minus(every.minus(every.dividedBy(10)))))
                .executeUpdate() == 1;
    }

    /**
     * True while this instance holds {@code job} for all of them: it is the holder, or nobody has renewed
     * the job for {@code lease} (its holder stopped). Asking renews it; a holder that stops asking loses
     * it after {@code lease}, and the first other instance to ask takes it. The embedded database has
     * one instance, which holds every job at once, even the moment it starts again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean hold(String job, Duration lease) {
        if (database.embedded()) {
            return true;
        }
        Instant now = clock.instant();
        return em.createNativeQuery("update shared_job set last_run_at = ?1, last_run_by = ?2"
                + " where name = ?3 and (last_run_by = ?2 or last_run_at is null or last_run_at <= ?4)")
                .setParameter(1, utc(now))
                .setParameter(2, instance.toString())
                .setParameter(3, job)
                .setParameter(4, utc(now.minus(lease)))
                .executeUpdate() == 1;
    }

    /** When {@code job} was last run by any instance, and by which. */
    public record LastRun(Instant at, String by) {
    }

    @Transactional
    public LastRun lastRun(String job) {
        Object[] row = (Object[]) em.createNativeQuery("select last_run_at, last_run_by from shared_job where name = ?1")
                .unwrap(NativeQuery.class).addScalar("last_run_at", Instant.class).addScalar("last_run_by", String.class)
                .setParameter(1, job).getSingleResult();
        return new LastRun((Instant) row[0], (String) row[1]);
    }

    /**
     * Waits up to {@code wait} for {@code task} to be free on every instance and holds it until the
     * caller's transaction ends; false when another instance (or thread) kept it all that time.
     * Rows locked by others are skipped rather than waited for, which both databases do alike.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lock(String task, Duration wait) throws InterruptedException {
        // Real time, not the clock: a wait is a wait even where tests hold the clock still.
        Instant giveUp = Instant.now().plus(wait);
        while (em.createNativeQuery("select name from shared_job where name = ?1 for update skip locked")
                .setParameter(1, task).getResultList().isEmpty()) {
            if (Instant.now().isAfter(giveUp)) {
                return false;
            }
            Thread.sleep(RETRY.toMillis());
        }
        return true;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
