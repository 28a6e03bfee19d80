package se.outband.continuity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import se.outband.access.AuditLog;
import se.outband.common.ScheduledJob;
import se.outband.common.SharedJobs;

/**
 * Takes a backup every {@code outband.backup.every}; the first a minute after start, so a restart
 * does not wait an interval but also does not compete with the start itself. Instances sharing a
 * database take it in turns: the one whose timer first finds no backup taken for an interval takes it.
 */
@ApplicationScoped
public class BackupSchedule {

    public static final String IDENTITY = "backup";

    /** The shared job an instance claims to take the interval's backup. */
    static final String JOB = "backup";

    private final BackupService backups;
    private final BackupConfig config;
    private final SharedJobs jobs;

    BackupSchedule(BackupService backups, BackupConfig config, SharedJobs jobs) {
        this.backups = backups;
        this.config = config;
        this.jobs = jobs;
    }

    /** A failure is recorded by the service (start page, readiness, log); the next run tries again. */
    @ScheduledJob
    @Scheduled(identity = IDENTITY, every = "${outband.backup.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (backups.configured() && jobs.claim(JOB, config.every())) {
            try {
                backups.create(AuditLog.SYSTEM);
            } catch (RuntimeException e) {
                // already logged and shown by BackupService
            }
        }
    }
}
