package se.outband.continuity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which backups a prune may delete: all but the newest {@code keep}, except that the newest backup of each
 * of the last periods that hold one also stays. A period is the backup interval, but at least an hour;
 * the periods kept are {@code keep} of them, but at least a day's. So a burst of backups (49 in a minute
 * by an administrator or a runaway script) never pushes out the history the schedule built: by default
 * the newest backup of each of the last 48 hours stays, whatever was taken since. Counted by periods that
 * hold a backup rather than back from now, so a burst after days without backups keeps the last ones too.
 * The folder holds at most {@code keep} plus that many periods' backups.
 */
record BackupRetention(int keep, Duration every) {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    Duration period() {
        return every.compareTo(HOUR) < 0 ? HOUR : every;
    }

    int periods() {
        long day = (DAY.getSeconds() + period().getSeconds() - 1) / period().getSeconds();
        return (int) Math.max(keep, day);
    }

    /** Of {@code newestFirst}, those that may go. */
    List<BackupFile> expendable(List<BackupFile> newestFirst) {
        long seconds = period().getSeconds();
        Set<Long> periodsKept = new HashSet<>();
        List<BackupFile> expendable = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            BackupFile file = newestFirst.get(i);
            // Newest first, so the first backup met in a period is that period's newest.
            boolean newestOfItsPeriod = periodsKept.size() < periods()
                    && periodsKept.add(Math.floorDiv(file.createdAt().getEpochSecond(), seconds));
            if (i >= keep && !newestOfItsPeriod) {
                expendable.add(file);
            }
        }
        return expendable;
    }
}
