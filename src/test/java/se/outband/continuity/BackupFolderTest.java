package se.outband.continuity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

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
        assertEquals(1, folder.prune(3));
        assertEquals(List.of(next, "outband-backup-20261203T172554Z-4.zip.gpg", "outband-backup-20261203T172554Z-3.zip.gpg"),
                folder.list().stream().map(BackupFile::name).toList());
    }
}
