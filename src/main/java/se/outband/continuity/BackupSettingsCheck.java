package se.outband.continuity;

import java.io.IOException;
import java.time.Duration;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/**
 * A backup nobody can open, or one that never comes, is found at start rather than in a disaster. The
 * restore settings are checked by the restore itself, only when there is something to restore.
 */
public class BackupSettingsCheck implements SettingsCheck {

    /** Anyone who finds a copy of the file can guess offline for as long as they like. */
    static final int MIN_PASSPHRASE = 12;

    private final BackupConfig backup;

    public BackupSettingsCheck(BackupConfig backup) {
        this.backup = backup;
    }

    @Override
    public void check(SettingsProblems problems) {
        backup.passphrase().filter(p -> p.length() < MIN_PASSPHRASE).ifPresent(p -> problems.wrong("outband.backup.passphrase",
                "(" + p.length() + " characters)", "it must be at least " + MIN_PASSPHRASE + " characters: whoever finds a copy can guess offline"));
        backup.publicKey().ifPresent(key -> {
            try {
                OpenPgp.publicKey(key);
            } catch (IOException e) {
                problems.wrong("outband.backup.public-key", key, e.getMessage());
            }
        });
        if (backup.every().compareTo(Duration.ofMinutes(1)) < 0) {
            problems.wrong("outband.backup.every", backup.every(), "it must be at least one minute, e.g. 1h");
        }
        if (backup.keep() < 1) {
            problems.wrong("outband.backup.keep", backup.keep(), "at least 1 backup must be kept");
        }
    }
}
