package se.outband.continuity;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import se.outband.access.AuditLog;
import se.outband.common.Language;

/**
 * Takes a backup every {@code outband.backup.every}; the first a minute after start, so a restart
 * does not wait an interval but also does not compete with the start itself.
 */
@ApplicationScoped
public class BackupSchedule {

    public static final String IDENTITY = "backup";

    private final BackupService backups;

    BackupSchedule(BackupService backups) {
        this.backups = backups;
    }

    /** A failure is recorded by the service (start page, readiness, log); the next run tries again. */
    @Scheduled(identity = IDENTITY, every = "${outband.backup.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (backups.configured()) {
            try {
                backups.create(AuditLog.SYSTEM, Language.EN.messages(BackupMessages.class));
            } catch (RuntimeException e) {
                // already logged and shown by BackupService
            }
        }
    }
}
