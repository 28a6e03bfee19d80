package se.outband.continuity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFolderTest {

    private static final Instant AT = Instant.parse("2026-12-03T17:25:54Z");

    /** Several backups in one second, the first of them already pruned: the next one is the newest, and kept. */
    @Test
    void aBackupTakenInTheSecondOfOnesAlreadyPrunedIsTheNewest(@TempDir Path dir) throws Exception {
        BackupFolder folder = new BackupFolder(dir);
        assertEquals("outband-backup-20261203T172554Z.zip.gpg", folder.freeName(AT));
        for (String name : List.of("outband-backup-20261203T172554Z-2.zip.gpg", "outband-backup-20261203T172554Z-3.zip.gpg",
                "outband-backup-20261203T172554Z-4.zip.gpg")) {
            Files.writeString(dir.resolve(name), "sealed");
        }

        String next = folder.freeName(AT);
        assertEquals("outband-backup-20261203T172554Z-5.zip.gpg", next);
        Files.writeString(dir.resolve(next), "sealed");
        assertEquals(1, folder.prune(new BackupRetention(3, Duration.ofHours(1))));
        assertEquals(List.of(next, "outband-backup-20261203T172554Z-4.zip.gpg", "outband-backup-20261203T172554Z-3.zip.gpg"),
                folder.list().stream().map(BackupFile::name).toList());
    }

    /**
     * 49 backups in a minute (an administrator's hand, a runaway script) with the default settings: the
     * burst must not push out the hourly history the schedule built over the last two days.
     */
    @Test
    void aBurstOfBackupsLeavesTheNewestOfEachEarlierHour(@TempDir Path dir) throws Exception {
        BackupFolder folder = new BackupFolder(dir);
        Instant first = Instant.parse("2026-12-01T00:10:00Z");
        List<String> hourly = new ArrayList<>();
        for (int hour = 0; hour < 48; hour++) {
            hourly.add(take(folder, first.plus(Duration.ofHours(hour))));
        }
        List<String> burst = new ArrayList<>();
        for (int second = 0; second < 49; second++) {
            burst.add(take(folder, first.plus(Duration.ofHours(48)).plusSeconds(second)));
        }

        folder.prune(new BackupRetention(48, Duration.ofHours(1)));

        Set<String> left = names(folder);
        assertTrue(left.containsAll(hourly.subList(24, 48)), "every hourly backup of the last day is still there: " + left);
        assertTrue(left.containsAll(hourly.subList(1, 48)), "so is the newest of each of the 47 hours before the burst's");
        assertTrue(left.containsAll(burst.subList(1, 49)), "and the newest 48");
        assertEquals(47 + 48, left.size(), "the rest went: " + left);
    }

    /** Hourly backups resumed after the burst: the folder comes back to the configured number. */
    @Test
    void theScheduleBringsTheFolderBackToItsNumberAfterABurst(@TempDir Path dir) throws Exception {
        BackupFolder folder = new BackupFolder(dir);
        Instant first = Instant.parse("2026-12-01T00:10:00Z");
        for (int second = 0; second < 49; second++) {
            take(folder, first.plusSeconds(second));
            folder.prune(new BackupRetention(3, Duration.ofHours(1)));
        }
        for (int hour = 1; hour <= 30; hour++) {
            take(folder, first.plus(Duration.ofHours(hour)));
            folder.prune(new BackupRetention(3, Duration.ofHours(1)));
            assertTrue(names(folder).size() <= 3 + 24, "never more than the number kept and a day of hours");
        }
        assertEquals(24, names(folder).size(), "the newest of each of the last 24 hours: at least a day, even with keep=3");
    }

    /** Longer intervals are their own periods; what stays always reaches back a day at least. */
    @Test
    void aPeriodIsTheIntervalButAtLeastAnHourAndThePeriodsKeptCoverADay() {
        assertEquals(Duration.ofHours(1), new BackupRetention(48, Duration.ofMinutes(5)).period());
        assertEquals(48, new BackupRetention(48, Duration.ofMinutes(5)).periods());
        assertEquals(24, new BackupRetention(3, Duration.ofHours(1)).periods());
        assertEquals(Duration.ofHours(6), new BackupRetention(2, Duration.ofHours(6)).period());
        assertEquals(4, new BackupRetention(2, Duration.ofHours(6)).periods());
        assertEquals(7, new BackupRetention(7, Duration.ofDays(1)).periods());
    }

    private static String take(BackupFolder folder, Instant at) throws Exception {
        String name = folder.freeName(at);
        Files.writeString(folder.resolve(name), "sealed");
        return name;
    }

    private static Set<String> names(BackupFolder folder) {
        return folder.list().stream().map(BackupFile::name).collect(Collectors.toSet());
    }
}
