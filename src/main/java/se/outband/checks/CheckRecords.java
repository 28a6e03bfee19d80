package se.outband.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The contact checks a person was asked in, for the person's export: how they answered and what they changed. Only
 * a hash of each link is stored, and it is left out. Erasing the contact erases these rows with it (the database's
 * cascade), and so their links stop working.
 */
@ApplicationScoped
public class CheckRecords {

    public record ChangeRecord(String field, String oldValue, String newValue, Instant changedAt) {
    }

    public record CheckRecord(long checkId, Instant startedAt, LocalDate deadline, String state, String channel, Instant answeredAt,
            boolean ended, String pendingMobile, String pendingEmail, List<ChangeRecord> changes) {
    }

    @Transactional
    public List<CheckRecord> of(String contactId) {
        return CheckedPerson.<CheckedPerson>list("contactId = ?1 order by checkId", contactId).stream().map(row -> {
            ContactCheck check = ContactCheck.findById(row.checkId);
            List<ChangeRecord> changes = CheckChange.<CheckChange>list("personId = ?1 order by changedAt", row.id).stream()
                    .map(c -> new ChangeRecord(c.field, c.oldValue, c.newValue, c.changedAt)).toList();
            return new CheckRecord(row.checkId, check.createdAt, check.deadline, row.state.name(), row.channel, row.answeredAt,
                    row.ended, row.pendingMobile, row.pendingEmail, changes);
        }).toList();
    }

    /** The numbers and addresses the person gave in a check and that were or were not confirmed: theirs too. */
    @Transactional
    public List<String> addressesGiven(String contactId) {
        return CheckedPerson.<CheckedPerson>list("contactId = ?1", contactId).stream()
                .flatMap(row -> java.util.stream.Stream.concat(java.util.stream.Stream.of(row.pendingMobile, row.pendingEmail),
                        CheckChange.<CheckChange>list("personId = ?1", row.id).stream()
                                .flatMap(c -> java.util.stream.Stream.of(c.oldValue, c.newValue))))
                .filter(a -> a != null && (a.startsWith("+") || a.contains("@"))).distinct().toList();
    }
}
