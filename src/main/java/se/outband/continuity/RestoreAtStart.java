package se.outband.continuity;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

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
 * after the whole file has passed its integrity check. Anything else stops the start with a reason
 * and leaves the database as it was.
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

    private final RestoreConfig config;
    private final BackupArchive archive;
    private final BackupTables tables;
    private final AuditLog audit;
    private final OutbandConfig outband;

    RestoreAtStart(RestoreConfig config, BackupArchive archive, BackupTables tables, AuditLog audit, OutbandConfig outband) {
        this.config = config;
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
        OpenPgp.Secrets secrets = new OpenPgp.Secrets(config.passphrase().map(String::toCharArray), config.privateKey());
        BackupArchive.Restored restored;
        Path scratch = null;
        try {
            scratch = Files.createTempFile(Files.createDirectories(outband.dataFolder("imports")), "restore-", ".csv");
            Path contacts = scratch;
            restored = QuarkusTransaction.requiringNew().timeout((int) TRANSACTION_TIMEOUT.toSeconds()).call(() -> {
                // The file's checksum for the audit log, taken on the same single read as the restore.
                try (DigestInputStream raw = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"));
                        InputStream clear = OpenPgp.decrypt(new BufferedInputStream(raw), secrets, List.of())) {
                    BackupArchive.Restored result = archive.restore(clear, contacts);
                    OpenPgp.readToEnd(clear);
                    raw.transferTo(OutputStream.nullOutputStream());
                    audit.record(AuditLog.SYSTEM, RESTORED, "file=%s sha256=%s takenAt=%s contacts=%d".formatted(file.getFileName(),
                            HexFormat.of().formatHex(raw.getMessageDigest().digest()), result.takenAt(), result.contacts()));
                    return result;
                }
            });
        } catch (IOException | RuntimeException e) {
            Optional<String> explained = explanation(e, file);
            // An explained refusal ends the log with its sentence alone; anything else keeps its stack trace.
            throw refused(explained.orElseGet(() -> unexplained(e, file)), explained.isPresent() ? null : e);
        } finally {
            deleteQuietly(scratch);
        }
        LOG.infof("Restored the backup taken at %s from %s: %d contacts, %d users, %d bulletins, %d status page systems",
                restored.takenAt(), file, restored.contacts(), restored.rows().getOrDefault("outband_user", 0L),
                restored.rows().getOrDefault("bulletin", 0L), restored.rows().getOrDefault("status_service", 0L));
    }

    /** The transaction wraps what its body throws; the administrator needs the first cause that says something. */
    private static Optional<String> explanation(Throwable thrown, Path file) {
        for (Throwable e = thrown; e != null; e = e.getCause()) {
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
