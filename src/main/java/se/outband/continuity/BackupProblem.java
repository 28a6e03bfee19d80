package se.outband.continuity;

import java.time.Instant;

/** Something wrong with backups; the web UI words it in the reader's language, readiness in English. */
public record BackupProblem(Kind kind, Instant at, String detail) {

    public enum Kind {
        NOT_CONFIGURED, FAILED, NONE_SINCE_START, OUTDATED, COPY_FAILED, UNSIGNED
    }

    /** For the public readiness check: what is wrong in words, without the times and exit codes of {@link #english}. */
    public String reason() {
        return switch (kind) {
            case NOT_CONFIGURED -> english();
            case FAILED -> "The last backup failed: " + detail;
            case NONE_SINCE_START -> "No backup has been made since Outband started.";
            case OUTDATED -> "No backup has been made for more than twice the backup interval.";
            case COPY_FAILED -> "Copying the newest backup elsewhere failed (see the backups page or the log).";
            case UNSIGNED -> "Backups are not signed: set OUTBAND_BACKUP_SIGNING_KEY.";
        };
    }

    /** For signed-in readers of readiness's details and for logs. */
    public String english() {
        return switch (kind) {
            case NOT_CONFIGURED -> "No backups are made: set OUTBAND_BACKUP_PASSPHRASE or OUTBAND_BACKUP_PUBLIC_KEY.";
            case FAILED -> "The last backup failed at " + at + ": " + detail;
            case NONE_SINCE_START -> "No backup has been made since Outband started at " + at + ".";
            case OUTDATED -> "The newest backup is from " + at + "; none has been made since.";
            case COPY_FAILED -> "Copying the newest backup elsewhere failed at " + at + " (" + detail + ").";
            case UNSIGNED -> "Backups are not signed: set OUTBAND_BACKUP_SIGNING_KEY. A restore refuses an unsigned backup"
                    + " unless told OUTBAND_RESTORE_UNSIGNED=true, since anyone with the public key or passphrase can make one.";
        };
    }

    /** For templates, which compare names. */
    public String kindName() {
        return kind.name();
    }
}
