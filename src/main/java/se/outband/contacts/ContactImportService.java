package se.outband.contacts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.ApiException;

/**
 * Imports a whole staff list in one transaction: every row is checked first, then the changes are
 * applied together, so a broken file never leaves the list half-updated.
 */
@ApplicationScoped
public class ContactImportService {

    private final ContactValidator validator;
    private final ContactsConfig config;
    private final AuditLog audit;
    private final Clock clock;

    ContactImportService(ContactValidator validator, ContactsConfig config, AuditLog audit, Clock clock) {
        this.validator = validator;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportReport importCsv(byte[] csv, ImportMode mode, boolean dryRun, ContactMessages messages) {
        if (csv.length > config.maxImportBytes()) {
            throw new ApiException(413, messages.fileTooLarge(config.maxImportBytes() / (1024 * 1024)));
        }
        CsvContactReader.Sheet sheet = CsvContactReader.read(csv, messages);

        List<RowProblem> rejected = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>(sheet.warnings());
        Map<String, Long> lineOfId = new HashMap<>();
        List<ContactData> accepted = new ArrayList<>(sheet.rows().size());
        for (CsvContactReader.Row row : sheet.rows()) {
            ContactValidator.Checked checked = validator.check(row.contact(), messages);
            List<RowProblem> errors = problems(row.line(), checked.errors(), sheet);
            String id = checked.contact().id();
            Long earlier = id == null ? null : lineOfId.putIfAbsent(id, row.line());
            if (earlier != null) {
                errors.add(new RowProblem(row.line(), sheet.column(ContactField.ID), messages.idRepeated(earlier)));
            }
            if (errors.isEmpty()) {
                accepted.add(checked.contact().withoutWarnings());
                warnings.addAll(problems(row.line(), checked.warnings(), sheet));
            } else {
                rejected.addAll(errors);
            }
        }

        Map<String, Contact> existing = new HashMap<>();
        for (Contact contact : Contact.<Contact>find("select distinct c from Contact c left join fetch c.groups").list()) {
            existing.put(contact.id, contact);
        }
        Instant now = clock.instant();
        boolean apply = !dryRun && (mode == ImportMode.MERGE || rejected.isEmpty());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (ContactData data : accepted) {
            Contact contact = existing.remove(data.id());
            if (contact == null) {
                created++;
                if (apply) {
                    Contact fresh = new Contact();
                    fresh.apply(data, now);
                    fresh.persist();
                }
            } else if (contact.sameAs(data)) {
                unchanged++;
            } else {
                updated++;
                if (apply) {
                    contact.apply(data, now);
                }
            }
        }
        int removed = 0;
        if (mode == ImportMode.REPLACE) {
            removed = existing.size();
            if (apply) {
                existing.values().forEach(Contact::delete);
            }
        }
        ImportReport report = new ImportReport(created, updated, unchanged, removed, rejected, warnings, dryRun);
        if (mode == ImportMode.REPLACE && !rejected.isEmpty()) {
            throw new ApiException(409, messages.replaceRejected(rejectedLines(rejected)), report);
        }
        if (apply) {
            audit.record("contacts.imported", "mode=%s created=%d updated=%d unchanged=%d removed=%d rejected=%d"
                    .formatted(mode.name().toLowerCase(Locale.ROOT), created, updated, unchanged, removed, rejectedLines(rejected)));
        }
        return report;
    }

    private static List<RowProblem> problems(long line, List<FieldProblem> problems, CsvContactReader.Sheet sheet) {
        List<RowProblem> rows = new ArrayList<>(problems.size());
        for (FieldProblem problem : problems) {
            rows.add(new RowProblem(line, sheet.column(problem.field()), problem.reason()));
        }
        return rows;
    }

    private static int rejectedLines(List<RowProblem> rejected) {
        return (int) rejected.stream().map(RowProblem::line).distinct().count();
    }
}
