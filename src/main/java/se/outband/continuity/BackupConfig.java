package se.outband.continuity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import se.outband.common.Secret;

/** Encrypted backups: what they are sealed to and signed with, how often, how many are kept, where they are copied. */
@ConfigMapping(prefix = "outband.backup")
public interface BackupConfig {

    /** Anyone who finds a copy of a backup can guess its passphrase offline for as long as they like. */
    int MIN_PASSPHRASE = 12;

    /** Seals each backup to this passphrase (GnuPG opens it with {@code gpg --decrypt}). */
    @Secret
    Optional<@Size(min = MIN_PASSPHRASE, message = "it must be at least " + MIN_PASSPHRASE
            + " characters: whoever finds a copy can guess offline") String> passphrase();

    /**
     * How far {@link #passphrase()} is stretched, as OpenPGP's S2K count byte: 255 hashes 65,011,712 bytes per
     * guess, what GnuPG uses for files sealed with {@code gpg --symmetric}; each step of 16 down divides an offline
     * guesser's work by two. Bouncy Castle's own default (96, 65,536 bytes) made guessing a found copy's passphrase a
     * thousand times cheaper. 255 costs about a second of CPU per backup on the shipped JVM options; only the tests,
     * whose passphrase protects nothing, go lower.
     */
    @WithDefault("255")
    @Min(value = 96, message = "it must be from 96 (65,536 bytes hashed per guess) to 255")
    @Max(value = 255, message = "it must be from 96 to 255 (65,011,712 bytes hashed per guess)")
    int passphraseS2kCount();

    /** Seals each backup to this armored OpenPGP public key; the private key stays offline. */
    Optional<Path> publicKey();

    /**
     * Signs each backup with this armored OpenPGP secret key ({@code gpg --export-secret-keys --armor}),
     * kept with the instance's other secrets: a restore then refuses a backup this key did not sign, so
     * whoever holds the public key or the passphrase cannot make one that restores. Its fingerprint goes
     * into the offline kit.
     */
    Optional<Path> signingKey();

    /** What opens {@link #signingKey()}, when it has a passphrase of its own. */
    @Secret
    Optional<String> signingKeyPassphrase();

    @WithDefault("1h")
    @DurationMin(minutes = 1, message = "it must be at least one minute, e.g. 1h")
    Duration every();

    /**
     * The newest this many backups stay under {@code <data-dir>/backups}, and so does the newest of each of
     * the last this many hours (intervals, if longer) that hold one, at least a day's: older ones are
     * deleted, but a burst of backups never pushes out the schedule's history ({@link BackupRetention}).
     */
    @WithDefault("48")
    @Min(value = 1, message = "at least 1 backup must be kept")
    int keep();

    /** Run after each backup with {file} replaced by its path, e.g. {@code rclone copy {file} offsite:outband}. */
    Optional<String> command();

    @WithDefault("PT30M")
    Duration commandTimeout();

    /** The signing key's passphrase as the key file wants it: none is an empty one. */
    default char[] signingKeyPassphraseChars() {
        return signingKeyPassphrase().orElse("").toCharArray();
    }

    default boolean configured() {
        return passphrase().filter(p -> !p.isBlank()).isPresent() || publicKey().isPresent();
    }
}
