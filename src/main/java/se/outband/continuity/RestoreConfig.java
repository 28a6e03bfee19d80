package se.outband.continuity;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** OUTBAND_RESTORE_FROM and what opens it: set on a fresh instance to start from a backup. */
@ConfigMapping(prefix = "outband.restore")
public interface RestoreConfig {

    Optional<Path> from();

    /** The backup's passphrase, or the passphrase of {@link #privateKey()}. */
    Optional<String> passphrase();

    /** An armored OpenPGP secret key whose public half the backup was sealed to. */
    Optional<Path> privateKey();
}
