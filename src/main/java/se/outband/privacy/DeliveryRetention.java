package se.outband.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import se.outband.access.AuditLog;
import se.outband.common.ScheduledJob;
import se.outband.common.SharedJobs;
import se.outband.contacts.FailingNumbers;
import se.outband.messaging.bulletins.PersonalRecords;
import se.outband.messaging.outbox.OwnMessages;

/**
 * Deletes what was sent to people, and what they answered, once it is older than {@code outband.retention.deliveries}:
 * once a day, by whichever instance first finds a day gone since any instance last did it. Its timer runs hourly, so
 * an instance started or stopped in between changes nothing but which one does it.
 */
@ApplicationScoped
public class DeliveryRetention {

    static final String JOB = "delivery-retention";
    private static final Duration DAILY = Duration.ofDays(1);

    /** What one run deleted. */
    public record Deleted(int bulletins, int deliveries, int replies, int messages, int numbers) {

        boolean nothing() {
            return bulletins + deliveries + replies + messages + numbers == 0;
        }
    }

    private final RetentionConfig config;
    private final SharedJobs jobs;
    private final PersonalRecords bulletins;
    private final OwnMessages messages;
    private final FailingNumbers numbers;
    private final AuditLog audit;
    private final Clock clock;

    DeliveryRetention(RetentionConfig config, SharedJobs jobs, PersonalRecords bulletins, OwnMessages messages, FailingNumbers numbers,
            AuditLog audit, Clock clock) {
        this.config = config;
        this.jobs = jobs;
        this.bulletins = bulletins;
        this.messages = messages;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A failure is said in readiness and tried again at the next hour; the instance stays ready meanwhile: rows kept a
     * day longer must not take it out of its load balancer in a crisis.
     */
    @ScheduledJob(failingMeansNotReady = false)
    @Scheduled(identity = JOB, every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (jobs.claim(JOB, DAILY)) {
            deleteExpired();
        }
    }

    /** Deletes everything past retention now, and audits it when there was anything. */
    public Deleted deleteExpired() {
        Instant before = clock.instant().minus(config.deliveries());
        PersonalRecords.Deleted rows = bulletins.deleteBefore(before);
        Deleted deleted = new Deleted(rows.bulletins(), rows.deliveries(), rows.replies(), messages.deleteBefore(before),
                numbers.forgetBefore(before));
        if (!deleted.nothing()) {
            QuarkusTransaction.requiringNew().run(() -> audit.record(AuditLog.SYSTEM, "retention.deleted", "before=%s bulletins=%d deliveries=%d replies=%d messages=%d numbers=%d"
                    .formatted(before, deleted.bulletins(), deleted.deliveries(), deleted.replies(), deleted.messages(), deleted.numbers())));
        }
        return deleted;
    }
}
