package se.outband.continuity;

import java.io.IOException;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/**
 * A backup nobody can open, or that cannot be signed, is found at start rather than in a disaster: the
 * public key it is sealed to must be a readable OpenPGP key, and the signing key a secret key that may sign
 * and that its passphrase opens. Not a range or a pattern, so not a constraint on {@link BackupConfig}: the
 * files have to be read. The restore settings are checked by the restore itself, only when there is
 * something to restore.
 */
public class BackupSettingsCheck implements SettingsCheck {

    private final BackupConfig backup;

    public BackupSettingsCheck(BackupConfig backup) {
        this.backup = backup;
    }

    @Override
    public void check(SettingsProblems problems) {
        backup.publicKey().ifPresent(key -> {
            try {
                OpenPgp.publicKey(key);
            } catch (IOException e) {
                problems.wrong("outband.backup.public-key", key, e.getMessage());
            }
        });
        backup.signingKey().ifPresent(key -> {
            try {
                SigningKeys.signer(key, backup.signingKeyPassphraseChars());
            } catch (IOException e) {
                problems.wrong("outband.backup.signing-key", key, e.getMessage());
            }
        });
    }
}
