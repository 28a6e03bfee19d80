package se.outband.continuity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Encrypted backups: what they are sealed to, how often, how many are kept, where they are copied. */
@ConfigMapping(prefix = "outband.backup")
public interface BackupConfig {

    /** Seals each backup to this passphrase (GnuPG opens it with {@code gpg --decrypt}). */
    Optional<String> passphrase();

    /** Seals each backup to this armored OpenPGP public key; the private key stays offline. */
    Optional<Path> publicKey();

    @WithDefault("1h")
    Duration every();

    /** The newest this many backups stay under {@code <data-dir>/backups}; older ones are deleted. */
    @WithDefault("48")
    int keep();

    /** Run after each backup with {file} replaced by its path, e.g. {@code rclone copy {file} offsite:outband}. */
    Optional<String> command();

    @WithDefault("PT30M")
    Duration commandTimeout();

    default boolean configured() {
        return passphrase().filter(p -> !p.isBlank()).isPresent() || publicKey().isPresent();
    }
}
