package se.outband.continuity;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import se.outband.access.AuditLog;
import se.outband.common.OutbandConfig;
import se.outband.common.Refused;
import se.outband.common.SharedJobs;
import se.outband.common.ShellCommand;

/**
 * Takes encrypted, signed backups into {@code <data-dir>/backups}: written to a temporary file, synced,
 * then renamed, so the folder only ever holds whole files; older ones go as {@link BackupRetention}
 * says; each new one is handed to the copy command.
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);

    /** The newest attempt, whether it worked: what the start page and readiness report. */
    public record Attempt(Instant at, String actor, BackupFile file, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * What an administrator sees: is it configured, the fingerprint of the key backups are signed with (null
     * when they are not), how did the last backup and copy go, what is there.
     */
    public record Overview(boolean configured, String signedBy, Attempt lastAttempt, ShellCommand.Run lastCopy,
            List<BackupFile> files, BackupProblem problem) {
    }

    private final BackupConfig config;
    private final BackupArchive archive;
    private final BackupCopier copier;
    private final AuditLog audit;
    private final Clock clock;
    private final BackupFolder folder;
    private final SharedJobs jobs;
    private final Instant startedAt;
    private volatile Attempt lastAttempt;
    /** The public half of the signing key, read once at start: shown to administrators, never secret. */
    private volatile PGPPublicKeyRing signingCertificate;
    private SigningKeys.Signer signer;

    BackupService(BackupConfig config, BackupArchive archive, BackupCopier copier, AuditLog audit, SharedJobs jobs, Clock clock,
            OutbandConfig outband) {
        this.jobs = jobs;
        this.config = config;
        this.archive = archive;
        this.copier = copier;
        this.audit = audit;
        this.clock = clock;
        this.folder = new BackupFolder(outband.dataFolder("backups"));
        this.startedAt = clock.instant();
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        folder.deleteParts();
        if (config.signingKey().isPresent()) {
            signingCertificate = SigningKeys.certificates(config.signingKey().get()).get(0);
        }
        if (configured()) {
            if (signingCertificate != null) {
                LOG.infof("Backups are signed with the OpenPGP key %s: keep this fingerprint in the offline kit,"
                        + " a restore checks it", SigningKeys.fingerprint(signingCertificate));
            } else {
                LOG.warn("Backups are not signed (OUTBAND_BACKUP_SIGNING_KEY is not set): a restore refuses them unless told"
                        + " OUTBAND_RESTORE_UNSIGNED=true, and cannot tell them from a forged one");
            }
        }
    }

    public boolean configured() {
        return config.configured();
    }

    /**
     * Takes a backup now for {@code actor}; one at a time. Refused with 409 when no passphrase or key is
     * configured, 500 with the reason when it fails (also shown as the last attempt).
     */
    public synchronized BackupFile create(String actor) {
        if (!configured()) {
            throw new Refused(new ContinuityRefusal.NoBackupSecret());
        }
        // To the second, as the file's name says: the list reads it back from there.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            BackupFile file = write(now);
            int pruned = folder.prune(new BackupRetention(config.keep(), config.every()));
            QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "backup.created",
                    "name=%s size=%d pruned=%d".formatted(file.name(), file.size(), pruned)));
            lastAttempt = new Attempt(now, actor, file, null);
            copier.copy(folder.resolve(file.name()));
            return file;
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("The backup failed", e);
            String reason = reason(e);
            lastAttempt = new Attempt(now, actor, null, reason);
            throw new Refused(new ContinuityRefusal.BackupFailed(reason));
        }
    }

    /**
     * What failed, for the start page and the public readiness check: never a path or a database's own
     * words, which go to the log.
     */
    static String reason(Exception e) {
        if (e instanceof FileSystemException) {
            return "the backup folder cannot be written (the log names the file)";
        }
        if (e instanceof IOException) {
            return "writing the backup file failed (see the log)";
        }
        if (e instanceof SQLException) {
            return "reading the database failed (see the log)";
        }
        return "an unexpected error, " + e.getClass().getSimpleName() + " (see the log)";
    }

    private BackupFile write(Instant now) throws IOException, SQLException {
        Optional<PGPPublicKey> key = config.publicKey().isPresent() ? Optional.of(OpenPgp.publicKey(config.publicKey().get()))
                : Optional.empty();
        Optional<char[]> passphrase = config.passphrase().filter(p -> !p.isBlank()).map(String::toCharArray);
        Path part = folder.newPart();
        try {
            try (FileOutputStream file = new FileOutputStream(part.toFile())) {
                try (OutputStream encrypted = OpenPgp.encrypt(file, passphrase, config.passphraseS2kCount(), key, signer())) {
                    archive.write(encrypted, now);
                }
                file.getChannel().force(true);
            }
            String name = folder.freeName(now);
            Path target = folder.resolve(name);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return new BackupFile(name, Files.size(target), now);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * The signing key, opened at the first backup and kept: opening it costs as much as a passphrase guess
     * (gpg protects it with the same S2K count), and its file and passphrase are this process's anyway.
     * Called under {@link #create}'s lock.
     */
    private Optional<SigningKeys.Signer> signer() throws IOException {
        if (signer == null && config.signingKey().isPresent()) {
            signer = SigningKeys.signer(config.signingKey().get(), config.signingKeyPassphraseChars());
        }
        return Optional.ofNullable(signer);
    }

    public List<BackupFile> list() {
        return folder.list();
    }

    /** The file of a backup for downloading, audited as personal data leaving; empty when there is none of that name. */
    public Optional<Path> download(String name) {
        Optional<Path> file = folder.find(name);
        file.ifPresent(f -> QuarkusTransaction.requiringNew().run(() -> audit.record("backup.downloaded", "name=" + name)));
        return file;
    }

    public Overview overview() {
        List<BackupFile> files = list();
        PGPPublicKeyRing certificate = signingCertificate;
        return new Overview(configured(), certificate == null ? null : SigningKeys.fingerprint(certificate), lastAttempt,
                copier.last(), files, problem(files).orElse(null));
    }

    /**
     * The public half of the key backups are signed with, armored as {@code gpg --export --armor} writes it:
     * for the offline kit and for {@code OUTBAND_RESTORE_SIGNER}. Empty when backups are not signed.
     */
    public Optional<byte[]> signingCertificate() {
        return Optional.ofNullable(signingCertificate).map(SigningKeys::armored);
    }

    /**
     * What is wrong with backups, or empty: none configured, the last one failed, none for twice the
     * interval, or the last copy elsewhere failed.
     */
    public Optional<BackupProblem> problem() {
        return problem(list());
    }

    /**
     * The newest backup here, or the newest scheduled one of another instance sharing the database: it
     * is in that instance's folder and copied elsewhere by its command.
     */
    private Instant newest(List<BackupFile> files) {
        Instant here = files.isEmpty() ? null : files.get(0).createdAt();
        Instant anywhere = jobs.lastRun(BackupSchedule.JOB).at();
        return here == null || anywhere != null && anywhere.isAfter(here) ? anywhere : here;
    }

    private Optional<BackupProblem> problem(List<BackupFile> files) {
        if (!configured()) {
            return Optional.of(new BackupProblem(BackupProblem.Kind.NOT_CONFIGURED, null, null));
        }
        Attempt attempt = lastAttempt;
        if (attempt != null && !attempt.ok()) {
            return Optional.of(new BackupProblem(BackupProblem.Kind.FAILED, attempt.at(), attempt.error()));
        }
        Instant due = clock.instant().minus(config.every().multipliedBy(2));
        Instant newest = newest(files);
        if (newest == null && startedAt.isBefore(due)) {
            return Optional.of(new BackupProblem(BackupProblem.Kind.NONE_SINCE_START, startedAt, null));
        }
        if (newest != null && newest.isBefore(due)) {
            return Optional.of(new BackupProblem(BackupProblem.Kind.OUTDATED, newest, null));
        }
        ShellCommand.Run copy = copier.last();
        if (copy != null && !copy.ok()) {
            return Optional.of(new BackupProblem(BackupProblem.Kind.COPY_FAILED, copy.startedAt(),
                    "exit " + copy.exitCode() + (copy.timedOut() ? ", timed out" : "")));
        }
        if (config.signingKey().isEmpty()) {
            return Optional.of(new BackupProblem(BackupProblem.Kind.UNSIGNED, null, null));
        }
        return Optional.empty();
    }
}
