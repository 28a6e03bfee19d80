package se.outband.continuity;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** OUTBAND_RESTORE_FROM, what opens it and who must have signed it: set on a fresh instance to start from a backup. */
@ConfigMapping(prefix = "outband.restore")
public interface RestoreConfig {

    Optional<Path> from();

    /** The backup's passphrase, or the passphrase of {@link #privateKey()}. */
    Optional<String> passphrase();

    /** An armored OpenPGP secret key whose public half the backup was sealed to. */
    Optional<Path> privateKey();

    /**
     * The public half of the key the backup was signed with (the offline kit's copy, or any file gpg
     * exported it to); without it, the public half of this instance's own {@code outband.backup.signing-key}.
     */
    Optional<Path> signer();

    /**
     * Restores a backup even though its signature is missing, by another key, or does not match its
     * content: for backups taken before signing was set up, or when the signing key is lost. Logged and
     * audited; remove it once restored.
     */
    @WithDefault("false")
    boolean unsigned();
}
