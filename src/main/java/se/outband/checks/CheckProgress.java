package se.outband.checks;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import se.outband.access.AuditLog;
import se.outband.common.CsvCells;
import se.outband.contacts.OwnDetails;
import se.outband.messaging.outbox.Outbox;

/** How a check is going, for HR: in figures, per unit with the names of those to follow up, and the changes as CSV. */
@ApplicationScoped
public class CheckProgress {

    /** The figures of GET /api/contact-checks/{id}; the last four add up to everyone asked. */
    public record Figures(long id, LocalDate deadline, int sent, int confirmed, int changed, int unanswered, int unreachable) {
    }

    /** One unit's figures, with the names HR follows up. */
    public record Unit(String unit, int asked, int confirmed, List<String> changed, List<String> unanswered, List<String> unreachable) {
    }

    /** A check in the list of checks. */
    public record Summary(long id, Instant createdAt, String createdBy, LocalDate deadline, String chosen, Instant remindedAt) {
    }

    private enum Answer {
        CONFIRMED, CHANGED, UNANSWERED, UNREACHABLE
    }

    private record Row(CheckedPerson person, Answer answer) {
    }

    private final Outbox outbox;
    private final OwnDetails details;
    private final AuditLog audit;

    CheckProgress(Outbox outbox, OwnDetails details, AuditLog audit) {
        this.outbox = outbox;
        this.details = details;
        this.audit = audit;
    }

    @Transactional
    public List<Summary> checks() {
        return ContactCheck.<ContactCheck>list("order by id desc").stream()
                .map(c -> new Summary(c.id, c.createdAt, c.createdBy, c.deadline, c.chosen, c.remindedAt)).toList();
    }

    @Transactional
    public Summary summary(long checkId) {
        ContactCheck c = ContactChecks.find(checkId);
        return new Summary(c.id, c.createdAt, c.createdBy, c.deadline, c.chosen, c.remindedAt);
    }

    @Transactional
    public Figures figures(long checkId) {
        ContactCheck check = ContactChecks.find(checkId);
        List<Row> rows = rows(checkId);
        int sent = (int) rows.stream().filter(r -> r.person().channel != null).count();
        return new Figures(checkId, check.deadline, sent, count(rows, Answer.CONFIRMED), count(rows, Answer.CHANGED),
                count(rows, Answer.UNANSWERED), count(rows, Answer.UNREACHABLE));
    }

    /** Per unit ("" for people without one), sorted by name; reading the names is audited like any list of people. */
    @Transactional
    public List<Unit> perUnit(long checkId) {
        ContactChecks.find(checkId);
        List<Row> rows = rows(checkId);
        Map<String, OwnDetails.Person> people = details.people(rows.stream().map(r -> r.person().contactId).toList());
        Map<String, List<Row>> byUnit = new TreeMap<>();
        for (Row row : rows) {
            OwnDetails.Person person = people.get(row.person().contactId);
            if (person != null) {
                byUnit.computeIfAbsent(person.unit() == null ? "" : person.unit(), u -> new ArrayList<>()).add(row);
            }
        }
        List<Unit> units = new ArrayList<>();
        byUnit.forEach((unit, unitRows) -> units.add(new Unit(unit, unitRows.size(), count(unitRows, Answer.CONFIRMED),
                names(unitRows, Answer.CHANGED, people), names(unitRows, Answer.UNANSWERED, people),
                names(unitRows, Answer.UNREACHABLE, people))));
        audit.recordRead("contact-check.progress-read", "check=" + checkId, rows.size());
        return units;
    }

    /** What people changed, for HR to carry into the HR system: id, name, field, old value, new value, when. Audited. */
    @Transactional
    public String changesCsv(long checkId) {
        ContactChecks.find(checkId);
        List<Object[]> changes = CheckChange.getEntityManager().createQuery("select p.contactId, c.field, c.oldValue, c.newValue,"
                + " c.changedAt from CheckChange c, CheckedPerson p where c.personId = p.id and p.checkId = ?1 order by c.id",
                Object[].class).setParameter(1, checkId).getResultList();
        Map<String, OwnDetails.Person> people = details.people(changes.stream().map(c -> (String) c[0]).distinct().toList());
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("id", "name", "field", "old", "new", "changed_at").get())) {
            for (Object[] c : changes) {
                OwnDetails.Person person = people.get((String) c[0]);
                csv.printRecord(CsvCells.text((String) c[0]), CsvCells.text(person == null ? "" : person.name()), c[1],
                        CsvCells.text((String) c[2]), CsvCells.text((String) c[3]), c[4]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record("contact-check.changes-exported", "check=%d changes=%d".formatted(checkId, changes.size()));
        return out.toString();
    }

    private List<Row> rows(long checkId) {
        List<CheckedPerson> persons = CheckedPerson.list("checkId", checkId);
        Set<Long> failed = outbox.failedAmong(persons.stream().filter(p -> p.state == CheckedPerson.State.SENT && p.deliveryId != null)
                .map(p -> p.deliveryId).toList());
        return persons.stream().map(p -> new Row(p, switch (p.state) {
            case CONFIRMED -> Answer.CONFIRMED;
            case CHANGED -> Answer.CHANGED;
            case UNREACHABLE -> Answer.UNREACHABLE;
            case SENT -> failed.contains(p.deliveryId) ? Answer.UNREACHABLE : Answer.UNANSWERED;
        })).toList();
    }

    private static int count(List<Row> rows, Answer answer) {
        return (int) rows.stream().filter(r -> r.answer() == answer).count();
    }

    private static List<String> names(List<Row> rows, Answer answer, Map<String, OwnDetails.Person> people) {
        return rows.stream().filter(r -> r.answer() == answer).map(r -> people.get(r.person().contactId))
                .map(OwnDetails.Person::name).sorted(Comparator.naturalOrder()).toList();
    }
}
