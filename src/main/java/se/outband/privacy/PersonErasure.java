package se.outband.privacy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.checks.CheckRecords;
import se.outband.contacts.ContactData;
import se.outband.contacts.PersonData;
import se.outband.messaging.bulletins.PersonalRecords;
import se.outband.messaging.outbox.OwnMessages;

/**
 * Erases a person (GDPR art. 17) in one transaction: the contact with their groups, own values, checks (their link
 * stops working) and number's mark; the messages of their own sent to their addresses; and, in every bulletin they
 * got, their recipient, delivery and reply rows emptied of whatever names them, so old bulletins' counts stay
 * right. The audit log says that an erasure happened and how much it touched, not whom.
 */
@ApplicationScoped
public class PersonErasure {

    /** What was erased: for the answer and the audit log. */
    public record Erased(int bulletins, int deliveries, int replies, int messages, int checks) {
    }

    private final PersonData contacts;
    private final CheckRecords checks;
    private final PersonalRecords bulletins;
    private final OwnMessages messages;
    private final AuditLog audit;

    PersonErasure(PersonData contacts, CheckRecords checks, PersonalRecords bulletins, OwnMessages messages, AuditLog audit) {
        this.contacts = contacts;
        this.checks = checks;
        this.bulletins = bulletins;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public Erased erase(String id) {
        List<String> given = checks.addressesGiven(id);
        int checked = checks.of(id).size();
        PersonalRecords.Erased rows = bulletins.erase(id);
        ContactData contact = contacts.erase(id);
        int own = messages.erase(PersonExport.addressesOf(contact, given));
        Erased erased = new Erased(rows.recipients(), rows.deliveries(), rows.replies(), own, checked);
        audit.record("contact.erased", "bulletins=%d deliveries=%d replies=%d messages=%d checks=%d".formatted(erased.bulletins(),
                erased.deliveries(), erased.replies(), erased.messages(), erased.checks()));
        return erased;
    }
}
