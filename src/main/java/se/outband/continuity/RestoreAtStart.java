package se.outband.continuity;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.OutbandConfig;
import se.outband.common.Refused;

/**
 * OUTBAND_RESTORE_FROM: fills an empty database from a backup before anything else starts (no
 * bootstrap admin, no dispatcher, no status page render), in one transaction that commits only
 * after the whole file has passed its integrity check and its signature has been found to be the
 * backup signing key's. Anything else stops the start with a reason and leaves the database as it was;
 * only OUTBAND_RESTORE_UNSIGNED lets a backup without that signature in, logged and audited.
 */
@Singleton
class RestoreAtStart {

    private static final Logger LOG = Logger.getLogger(RestoreAtStart.class);
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofHours(1);
    static final String RESTORED = "backup.restored";

    /**
     * Why Outband does not start. A configuration exception, because Quarkus then ends its log with the
     * message alone: the whole story for the administrator, not buried in a stack trace.
     */
    static final class RestoreRefused extends ConfigurationException {
        RestoreRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The backup is not known to be one Outband made, and nobody said to restore it anyway: the sentence says which. */
    private static final class Unverified extends IOException {
        Unverified(String message) {
            super(message);
        }
    }

    /** What was restored, and who signed it. */
    private record Done(BackupArchive.Restored restored, BackupSignature signature) {
    }

    private final RestoreConfig config;
    private final BackupConfig backup;
    private final BackupArchive archive;
    private final BackupTables tables;
    private final AuditLog audit;
    private final OutbandConfig outband;

    RestoreAtStart(RestoreConfig config, BackupConfig backup, BackupArchive archive, BackupTables tables, AuditLog audit,
            OutbandConfig outband) {
        this.config = config;
        this.backup = backup;
        this.archive = archive;
        this.tables = tables;
        this.audit = audit;
        this.outband = outband;
    }

    /** Right after the settings check (priority 1), before every other start-up observer. */
    void onStart(@Observes @Priority(2) StartupEvent event) {
        config.from().ifPresent(this::restore);
    }

    void restore(Path file) {
        if (inUse()) {
            if (audit.recorded(RESTORED)) {
                // Left in the settings after the restore, or pointed at a newer file during a crisis: never worth a stopped service.
                LOG.warnf("This database was restored from a backup before; OUTBAND_RESTORE_FROM (%s) is ignored. Remove it from the settings.",
                        file);
                return;
            }
            throw refused("The database already holds data, so the backup " + file + " was not restored and nothing was changed."
                    + " A backup is only restored into an empty database: start with an empty data folder (OUTBAND_DATA_DIR)"
                    + " or remove OUTBAND_RESTORE_FROM to start with the data that is there.", null);
        }
        if (config.passphrase().isEmpty() && config.privateKey().isEmpty()) {
            throw refused("OUTBAND_RESTORE_PASSPHRASE is not set: the backup's passphrase (or OUTBAND_RESTORE_PRIVATE_KEY and its"
                    + " passphrase) is needed to open " + file + ". Nothing was restored.", null);
        }
        if (!Files.isReadable(file)) {
            throw refused("Cannot read the backup " + file + ": the file does not exist or cannot be read. Nothing was restored.", null);
        }
        List<PGPPublicKeyRing> signers = expectedSigners(file);
        String expected = signers.stream().map(SigningKeys::fingerprint).collect(Collectors.joining(" or "));
        OpenPgp.Secrets secrets = new OpenPgp.Secrets(config.passphrase().map(String::toCharArray), config.privateKey());
        Done done;
        Path scratch = null;
        try {
            scratch = Files.createTempFile(Files.createDirectories(outband.dataFolder("imports")), "restore-", ".csv");
            Path contacts = scratch;
            done = QuarkusTransaction.requiringNew().timeout((int) TRANSACTION_TIMEOUT.toSeconds()).call(() -> {
                // The file's checksum for the audit log, taken on the same single read as the restore.
                try (DigestInputStream raw = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"));
                        DecryptedBackup clear = OpenPgp.decrypt(new BufferedInputStream(raw), secrets, signers)) {
                    BackupArchive.Restored result = archive.restore(clear, contacts);
                    DecryptedBackup.readToEnd(clear);
                    // Known only at the end of the file; throwing here rolls back all that was read into the database.
                    BackupSignature signature = clear.signature();
                    if (!signature.verified() && !config.unsigned()) {
                        throw new Unverified(signature.problem(expected) + " Nothing was restored from " + file + "."
                                + " If you know where this file comes from (e.g. a backup taken before signing was set up),"
                                + " set OUTBAND_RESTORE_UNSIGNED=true to restore it anyway.");
                    }
                    raw.transferTo(OutputStream.nullOutputStream());
                    audit.record(AuditLog.SYSTEM, RESTORED, "file=%s sha256=%s takenAt=%s contacts=%d signature=%s%s".formatted(
                            file.getFileName(), HexFormat.of().formatHex(raw.getMessageDigest().digest()), result.takenAt(),
                            result.contacts(), signature.summary(),
                            signature.verified() ? "" : " (restored anyway: OUTBAND_RESTORE_UNSIGNED=true)"));
                    return new Done(result, signature);
                }
            });
        } catch (IOException | RuntimeException e) {
            Optional<String> explained = explanation(e, file);
            // An explained refusal ends the log with its sentence alone; anything else keeps its stack trace.
            throw refused(explained.orElseGet(() -> unexplained(e, file)), explained.isPresent() ? null : e);
        } finally {
            deleteQuietly(scratch);
        }
        BackupArchive.Restored restored = done.restored();
        if (!done.signature().verified()) {
            LOG.warnf("%s The backup %s was restored anyway because OUTBAND_RESTORE_UNSIGNED=true (recorded in the audit log);"
                    + " remove that setting now.", done.signature().problem(expected), file);
        }
        LOG.infof("Restored the backup taken at %s from %s (%s): %d contacts, %d users, %d bulletins, %d status page systems",
                restored.takenAt(), file, done.signature().summary(), restored.contacts(),
                restored.rows().getOrDefault("outband_user", 0L), restored.rows().getOrDefault("bulletin", 0L),
                restored.rows().getOrDefault("status_service", 0L));
    }

    /**
     * The public keys whose signature makes a backup Outband's: OUTBAND_RESTORE_SIGNER, else the public half
     * of this instance's own signing key (the operator's secrets survived the disaster). Neither is a refusal
     * before anything is read, unless OUTBAND_RESTORE_UNSIGNED says to go without.
     */
    private List<PGPPublicKeyRing> expectedSigners(Path file) {
        Optional<Path> keyFile = config.signer().or(backup::signingKey);
        if (keyFile.isEmpty()) {
            if (config.unsigned()) {
                return List.of();
            }
            throw refused("Outband cannot tell whether " + file + " is a backup it made: set OUTBAND_RESTORE_SIGNER to the public"
                    + " half of the backup signing key (from the offline kit), or OUTBAND_BACKUP_SIGNING_KEY to the key itself,"
                    + " or OUTBAND_RESTORE_UNSIGNED=true to restore it without that check. Nothing was restored.", null);
        }
        try {
            return SigningKeys.certificates(keyFile.get());
        } catch (IOException e) {
            throw refused("Cannot read the backup signing key " + keyFile.get() + " (" + (config.signer().isPresent()
                    ? "OUTBAND_RESTORE_SIGNER" : "OUTBAND_BACKUP_SIGNING_KEY") + "): " + e.getMessage() + ". Nothing was restored.", null);
        }
    }

    /** The transaction wraps what its body throws; the administrator needs the first cause that says something. */
    private static Optional<String> explanation(Throwable thrown, Path file) {
        for (Throwable e = thrown; e != null; e = e.getCause()) {
            if (e instanceof Unverified unverified) {
                return Optional.of(unverified.getMessage());
            }
            if (e instanceof OpenPgp.Unreadable unreadable) {
                return Optional.of(unreadable.getMessage() + " Nothing was restored from " + file + ".");
            }
            if (e instanceof Refused refused) {
                return Optional.of("The contacts in the backup could not be imported (" + refused.sentence(Language.EN)
                        + "); nothing was restored.");
            }
        }
        return Optional.empty();
    }

    private static String unexplained(Throwable thrown, Path file) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "The backup " + file + " could not be restored (" + root.getMessage()
                + "); it may be damaged or incomplete. Nothing was restored.";
    }

    private boolean inUse() {
        try {
            return QuarkusTransaction.requiringNew().call(tables::rowsInUse) > 0;
        } catch (RuntimeException e) {
            throw refused("Cannot read the database to check that it is empty: " + e.getMessage(), e);
        }
    }

    private static RestoreRefused refused(String message, Throwable cause) {
        LOG.error(message);
        return new RestoreRefused(message, cause);
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", file, e.getMessage());
        }
    }
}
