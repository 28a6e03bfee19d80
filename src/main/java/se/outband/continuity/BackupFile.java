package se.outband.continuity;

import java.time.Instant;

/** A backup as listed and answered by POST /api/backups. */
public record BackupFile(String name, long size, Instant createdAt) {

    /** Rounded up, so a small file never shows as 0 kB. */
    public long kilobytes() {
        return (size + 1023) / 1024;
    }
}
