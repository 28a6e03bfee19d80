package se.outband.contacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import se.outband.access.AuditLog;
import se.outband.common.Refused;
import se.outband.common.SharedJobs;

/**
 * Imports a whole staff list in one transaction, reading it row by row and comparing it with the
 * stored list a chunk at a time, so memory stays small for any length. A replacing import that
 * meets a rejected row keeps counting but is rolled back at the end: nothing is ever half-applied.
 */
@ApplicationScoped
public class ContactImportService {

    /** A quarter of a million rows takes a minute or two on a small VM: more than the default timeout. */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration WAIT_FOR_OTHER = Duration.ofMinutes(1);

    /** The shared job whose lock an import holds. */
    private static final String IMPORT = "contact-import";

    private final SharedJobs jobs;
    private final ContactValidator validator;
    private final ContactTable table;
    private final OwnValues owns;
    private final ContactsConfig config;
    private final AuditLog audit;
    private final Clock clock;

    ContactImportService(ContactValidator validator, ContactTable table, OwnValues owns, ContactsConfig config, AuditLog audit, SharedJobs jobs,
            Clock clock) {
        this.owns = owns;
        this.jobs = jobs;
        this.validator = validator;
        this.table = table;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One import at a time on all instances, each in a transaction of its own that commits before the
     * next begins: two lists applied over each other would each be compared with what the other is changing.
     */
    public ImportReport importCsv(Path csv, ImportMode mode, boolean dryRun) {
        try {
            if (Files.size(csv) > config.maxImportBytes()) {
                throw new Refused(new ContactRefusal.FileTooLarge(config.maxImportBytes() / (1024 * 1024)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return QuarkusTransaction.requiringNew().timeout((int) TRANSACTION_TIMEOUT.toSeconds()).call(() -> {
            if (!jobs.lock(IMPORT, WAIT_FOR_OTHER)) {
                throw new Refused(new ContactRefusal.ImportRunning());
            }
            try (CsvContactReader reader = CsvContactReader.open(csv)) {
                return run(reader, mode, dryRun, true);
            }
        });
    }

    /**
     * Replaces the whole list inside the caller's transaction, without waiting for other imports and
     * without an audit entry of its own: a restore at start applies the contacts and everything else
     * (the audit log too) together or not at all, before anything else runs, and records itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportReport replaceWithinTransaction(Path csv) {
        try (CsvContactReader reader = CsvContactReader.open(csv)) {
            return run(reader, ImportMode.REPLACE, false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the contacts", e);
        }
    }

    private ImportReport run(CsvContactReader reader, ImportMode mode, boolean dryRun, boolean audited)
            throws SQLException {
        ImportTally tally = new ImportTally();
        tally.warn(reader.warnings());
        Map<String, Long> lineOfId = new HashMap<>();
        List<ContactData> chunk = new ArrayList<>(ContactTable.CHUNK);
        Instant now = clock.instant();
        boolean apply = !dryRun;
        for (CsvContactReader.Row row; (row = reader.next()) != null;) {
            ContactValidator.Checked checked = validator.check(row.contact());
            List<RowProblem> errors = problems(row.line(), checked.errors(), reader);
            String id = checked.contact().id();
            Long earlier = id == null ? null : lineOfId.putIfAbsent(id, row.line());
            if (earlier != null) {
                errors.add(new RowProblem(row.line(), reader.column(ContactField.ID), new ContactProblem.IdRepeated(earlier)));
            }
            if (!errors.isEmpty()) {
                tally.reject(errors);
                apply &= mode == ImportMode.MERGE;
                continue;
            }
            tally.warn(problems(row.line(), checked.warnings(), reader));
            chunk.add(checked.contact().withoutWarnings());
            if (chunk.size() == ContactTable.CHUNK) {
                compare(chunk, tally, apply, now);
            }
        }
        if (!chunk.isEmpty()) {
            compare(chunk, tally, apply, now);
        }
        if (mode == ImportMode.REPLACE) {
            List<String> removed = table.idsNotIn(lineOfId.keySet());
            tally.removed = removed.size();
            Map<String, ContactData> named = table.stored(removed.subList(0, Math.min(ImportTally.PEOPLE_LISTED, removed.size())));
            named.values().stream().sorted(Comparator.comparing(ContactData::name))
                    .forEach(contact -> tally.removedPeople.add(ImportedPerson.of(contact)));
            if (apply) {
                table.delete(removed);
            }
        }
        ImportReport report = tally.report(dryRun);
        if (mode == ImportMode.REPLACE && tally.anyRejected()) {
            // Rows compared before the first rejected one may already be written: the exception rolls them back.
            throw new Refused(new ContactRefusal.ReplaceRejected(tally.rejectedRows(), report));
        }
        if (apply && audited) {
            audit.record("contacts.imported", "mode=%s created=%d updated=%d unchanged=%d removed=%d rejected=%d kept-own=%d"
                    .formatted(mode.name().toLowerCase(Locale.ROOT), tally.created, tally.updated, tally.unchanged,
                            tally.removed, tally.rejectedRows(), tally.keptOwnCount[0]));
        }
        return report;
    }

    private void compare(List<ContactData> chunk, ImportTally tally, boolean apply, Instant now) throws SQLException {
        ContactTable.Changes changes = table.compare(owns.respect(chunk, tally.keptOwn, tally.keptOwnCount, apply));
        for (int i = 0; i < changes.created().size() && tally.added.size() < ImportTally.PEOPLE_LISTED; i++) {
            tally.added.add(ImportedPerson.of(changes.created().get(i)));
        }
        for (int i = 0; i < changes.updated().size() && tally.changed.size() < ImportTally.PEOPLE_LISTED; i++) {
            tally.changed.add(ImportedPerson.changed(changes.before().get(i), changes.updated().get(i)));
        }
        tally.created += changes.created().size();
        tally.updated += changes.updated().size();
        tally.unchanged += changes.unchanged();
        if (apply) {
            table.write(changes, now);
        }
        chunk.clear();
    }

    private static List<RowProblem> problems(long line, List<FieldProblem> problems, CsvContactReader reader) {
        List<RowProblem> rows = new ArrayList<>(problems.size());
        for (FieldProblem problem : problems) {
            rows.add(new RowProblem(line, reader.column(problem.field()), problem.reason()));
        }
        return rows;
    }
}
