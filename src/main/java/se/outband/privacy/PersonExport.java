package se.outband.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.checks.CheckRecords;
import se.outband.common.Language;
import se.outband.contacts.ContactData;
import se.outband.contacts.PersonData;
import se.outband.messaging.bulletins.PersonalRecords;
import se.outband.messaging.outbox.OwnMessages;

/** Everything Outband stores about one person, gathered from each feature that holds some of it (GDPR art. 15). */
@ApplicationScoped
public class PersonExport {

    /** The export's JSON: the contact, the values they set themself, their checks, bulletins and messages of their own. */
    public record Person(Instant exportedAt, ContactData contact, List<PersonData.OwnValueRecord> ownValues,
            List<CheckRecords.CheckRecord> checks, List<PersonalRecords.BulletinRecord> bulletins,
            List<OwnMessages.MessageRecord> messages) {
    }

    private final PersonData contacts;
    private final CheckRecords checks;
    private final PersonalRecords bulletins;
    private final OwnMessages messages;
    private final AuditLog audit;
    private final Clock clock;

    PersonExport(PersonData contacts, CheckRecords checks, PersonalRecords bulletins, OwnMessages messages, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.checks = checks;
        this.bulletins = bulletins;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Person of(String id, Language language) {
        ContactData contact = contacts.contact(id, language);
        List<String> addresses = addressesOf(contact, checks.addressesGiven(id));
        Person person = new Person(clock.instant(), contact, contacts.ownValues(id), checks.of(id), bulletins.of(id),
                messages.to(addresses));
        audit.record("contact.exported", "id=%s bulletins=%d messages=%d checks=%d".formatted(id, person.bulletins().size(),
                person.messages().size(), person.checks().size()));
        return person;
    }

    /** The person's mobile and email, and those they gave in a check: messages of their own went to these. */
    static List<String> addressesOf(ContactData contact, List<String> given) {
        List<String> addresses = new ArrayList<>(given);
        if (contact.mobile() != null) {
            addresses.add(contact.mobile());
        }
        if (contact.email() != null) {
            addresses.add(contact.email());
        }
        return addresses.stream().distinct().toList();
    }
}
