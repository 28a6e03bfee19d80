package se.outband.continuity;

import java.text.Collator;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Refused;
import se.outband.common.Text;
import se.outband.contacts.ContactData;
import se.outband.contacts.ContactService;

/**
 * Takes contact lists out of Outband, on paper or into phones, so leaders can call staff when Outband
 * itself is out of reach. Personal data leaves the system here, so every list taken is audited with
 * who took it, of which group or unit, and how many people were on it.
 */
@ApplicationScoped
public class CallLists {

    /** How a list leaves: each is its own audit action, so the log says which. */
    public enum Form {
        PRINTED("contacts.call-list-printed"), VCARDS("contacts.vcards-downloaded");

        private final String action;

        Form(String action) {
            this.action = action;
        }
    }

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    /** Echoed in error messages and the audit log: a group name is short; anything longer is not one. */
    private static final int MAX_ECHO = 100;

    private final ContactService contacts;
    private final AuditLog audit;
    private final Clock clock;

    CallLists(ContactService contacts, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The members of {@code group} (everyone when blank) in {@code unit} (any when blank), sorted as a
     * Swedish reader looks names up: by surname (the name's last word: contacts have one name field),
     * then by the whole name, with å, ä, ö after z. Nobody to give out is a 404 saying why: an empty
     * file or page would look like a list that worked.
     */
    @Transactional
    public CallList take(String group, String unit, Form form) {
        String groupName = blankAsNull(group);
        String unitName = blankAsNull(unit);
        // A fresh collator per list: a shared one is synchronised, and one list sorts thousands of names.
        Comparator<String> swedish = Collator.getInstance(SWEDISH)::compare;
        List<ContactData> people = contacts.list(groupName).stream()
                .filter(c -> unitName == null || unitName.equals(c.unit()))
                .sorted(Comparator.comparing((ContactData c) -> surname(c.name()), swedish).thenComparing(ContactData::name, swedish)
                        .thenComparing(ContactData::id))
                .toList();
        if (people.isEmpty()) {
            throw new Refused(new ContinuityRefusal.Nobody(Text.clip(groupName, MAX_ECHO), Text.clip(unitName, MAX_ECHO)));
        }
        audit.record(form.action, (groupName == null ? "" : "group=" + Text.clip(groupName, MAX_ECHO) + " ")
                + (unitName == null ? "" : "unit=" + Text.clip(unitName, MAX_ECHO) + " ") + "people=" + people.size());
        return new CallList(groupName, unitName, people, clock.instant());
    }

    static String surname(String name) {
        String[] words = name.strip().split("\\s+");
        return words[words.length - 1];
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
