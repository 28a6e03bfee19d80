package se.outband.contacts;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.Refused;
import se.outband.common.Text;

/** Reads and changes single contacts; other features reach contacts only through this service. */
@ApplicationScoped
public class ContactService {

    /** Ids per query: far below what either database takes in one IN list. */
    private static final int PLACEMENT_CHUNK = 1000;

    /** What is wrong with one field of a contact sent to the API. */
    public record FieldError(String field, ContactProblem reason) {
    }

    private final ContactValidator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final FailingNumbers numbers;
    private final ContactTable table;

    ContactService(ContactValidator validator, AuditLog audit, Clock clock, FailingNumbers numbers, ContactTable table) {
        this.numbers = numbers;
        this.table = table;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * All contacts sorted by name, or only the members of {@code group} when it is given. Not audited: for
     * callers that audit what they give out themselves (call lists, vCards); people reading go through {@link #read}.
     */
    @Transactional
    public List<ContactData> list(String group) {
        String select = "select distinct c from Contact c left join fetch c.groups";
        List<Contact> contacts = group == null || group.isBlank()
                ? Contact.<Contact>find(select + " order by c.name, c.id").list()
                : Contact.<Contact>find(select + " where c.id in (select m.id from Contact m join m.groups g where g = ?1)"
                        + " order by c.name, c.id", group.strip()).list();
        return contacts.stream().map(Contact::toData).toList();
    }

    /** What a person reads of the contact list: the contacts shown, and how many matched. */
    public record Listing(List<ContactData> shown, int total) {
    }

    /** Echoed in the audit log: a group name or a search is short; anything longer is cut. */
    private static final int MAX_ECHO = 100;

    /**
     * The contacts a person reads (the API's list, the contacts page): those chosen, the first {@code max} shown, each
     * marked when their number fails (the reason in {@code language}). Audited as a read of the people shown, with the
     * selection: their numbers and addresses leave Outband here.
     */
    @Transactional
    public Listing read(ContactSelection selection, Language language, int max) {
        String group = selection.group();
        String needle = selection.search() == null ? "" : selection.search().strip().toLowerCase(Locale.ROOT);
        Map<String, FailingNumber> failing = numbers.all(language);
        List<ContactData> found = list(group).stream().filter(c -> needle.isEmpty() || matches(c, needle))
                .map(c -> numbers.marked(c, failing)).filter(c -> !selection.failingOnly() || c.failingNumber() != null).toList();
        List<ContactData> shown = found.size() <= max ? found : found.subList(0, max);
        String which = (group == null || group.isBlank() ? "everyone" : "group=" + Text.clip(group.strip(), MAX_ECHO))
                + (needle.isEmpty() ? "" : " search=" + Text.clip(needle, MAX_ECHO))
                + (selection.failingOnly() ? " failing-numbers" : "");
        audit.recordRead("contacts.listed", which, shown.size());
        return new Listing(shown, found.size());
    }

    /** Name, id or email containing the text; or a mobile containing its digits (070… matches +4670…). */
    private static boolean matches(ContactData c, String needle) {
        String digits = needle.replaceAll("[^0-9]", "").replaceFirst("^0", "");
        return c.name().toLowerCase(Locale.ROOT).contains(needle) || c.id().toLowerCase(Locale.ROOT).contains(needle)
                || c.email() != null && c.email().toLowerCase(Locale.ROOT).contains(needle)
                || !digits.isEmpty() && c.mobile() != null && c.mobile().contains(digits);
    }

    /** The contacts in any of {@code groups} plus those named by id, each once, and what was not found. */
    public record Audience(List<Addressee> addressees, List<String> unknownGroups, List<String> unknownIds) {
    }

    @Transactional
    public Audience resolve(Collection<String> groups, Collection<String> ids) {
        EntityManager em = Contact.getEntityManager();
        Map<String, Addressee> chosen = new LinkedHashMap<>();
        List<String> unknownGroups = new ArrayList<>();
        List<String> unknownIds = new ArrayList<>();
        if (!groups.isEmpty()) {
            // From the group table's index outwards: a bulletin to 20,000 people must not wait for a scan of
            // every contact. Someone in two of the groups comes twice and is chosen once.
            Set<String> known = new HashSet<>(em.createNativeQuery(
                    "select distinct group_name from contact_group where group_name in (:groups)", String.class)
                    .setParameter("groups", groups).getResultList());
            groups.stream().filter(g -> !known.contains(g)).forEach(unknownGroups::add);
            Stream<Object[]> rows = ((Stream<?>) em.createNativeQuery("select c.id, c.name, c.mobile, c.email"
                    + " from contact_group g join contact c on c.id = g.contact_id where g.group_name in (:groups)"
                    + " order by c.name, c.id", Object[].class).setParameter("groups", groups).getResultStream())
                    .map(Object[].class::cast);
            rows.forEach(row -> chosen.putIfAbsent((String) row[0],
                    new Addressee((String) row[0], (String) row[1], (String) row[2], (String) row[3])));
        }
        if (!ids.isEmpty()) {
            Map<String, Addressee> found = addressees(ids);
            for (String id : ids) {
                Addressee addressee = found.get(id);
                if (addressee == null) {
                    unknownIds.add(id);
                } else {
                    chosen.putIfAbsent(id, addressee);
                }
            }
        }
        return new Audience(List.copyOf(chosen.values()), unknownGroups, unknownIds);
    }

    private Map<String, Addressee> addressees(Collection<String> ids) {
        try {
            return table.addressees(ids);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the contacts", e);
        }
    }

    private static final int MAX_SEARCH = 100;

    /**
     * Up to {@code max} contacts whose name, id, unit, title, email or a group contains the text, or whose mobile
     * contains its digits (070 174 finds +4670174…), sorted by name: for picking people to send to.
     * Audited as a read of those found, with the search.
     */
    @Transactional
    public List<ContactData> search(String text, int max) {
        List<ContactData> found = find(text, max);
        audit.recordRead("contacts.searched", "search=" + Text.clip(text == null ? "" : text.strip(), MAX_ECHO), found.size());
        return found;
    }

    private List<ContactData> find(String text, int max) {
        // Nobody types more than a name or a number; a longer text only makes every comparison slower.
        String needle = text == null ? "" : Text.clip(text.strip(), MAX_SEARCH).toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        String digits = needle.replaceAll("[^0-9]", "").replaceFirst("^0", "");
        String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // A group's name finds its members: "Krisledning" is how a leader thinks of those people.
        return Contact.<Contact>find("select c from Contact c where lower(c.name) like ?1 escape '\\'"
                + " or lower(c.id) like ?1 escape '\\' or lower(c.unit) like ?1 escape '\\' or lower(c.title) like ?1 escape '\\'"
                + " or lower(c.email) like ?1 escape '\\' or (?2 <> '' and c.mobile like ?3)"
                + " or exists (select g from Contact m join m.groups g where m = c and lower(g) like ?1 escape '\\')"
                + " order by c.name, c.id",
                like, digits, "%" + digits + "%")
                .page(0, max).list().stream().map(Contact::toData).toList();
    }

    @Transactional
    public List<GroupSummary> groups() {
        return Contact.getEntityManager()
                .createQuery("select new se.outband.contacts.GroupSummary(g, count(c)) from Contact c join c.groups g"
                        + " group by g order by g", GroupSummary.class)
                .getResultList();
    }

    /**
     * The unit and groups of each of these contacts as they are now (not audited: no address is given
     * out); a contact since removed is missing from the answer.
     */
    @Transactional
    public Map<String, Placement> placements(Collection<String> ids) {
        Map<String, Placement> placements = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += PLACEMENT_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + PLACEMENT_CHUNK));
            Map<String, List<String>> groups = new HashMap<>();
            Contact.getEntityManager().createQuery("select c.id, g from Contact c join c.groups g where c.id in ?1 order by g",
                    Object[].class).setParameter(1, chunk).getResultStream()
                    .forEach(row -> groups.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]));
            Contact.getEntityManager().createQuery("select c.id, c.unit from Contact c where c.id in ?1", Object[].class)
                    .setParameter(1, chunk).getResultStream()
                    .forEach(row -> placements.put((String) row[0],
                            new Placement((String) row[1], groups.getOrDefault((String) row[0], List.of()))));
        }
        return placements;
    }

    @Transactional
    public ContactData get(String id) {
        return find(id).toData();
    }

    @Transactional
    public ContactData create(ContactData data, Language wordsIn) {
        ContactData valid = validated(data, wordsIn);
        if (Contact.findById(valid.id()) != null) {
            throw new Refused(new ContactRefusal.ContactExists(valid.id()));
        }
        Contact contact = new Contact();
        contact.apply(valid, clock.instant());
        contact.persist();
        audit.record("contact.created", describe(valid));
        return valid;
    }

    @Transactional
    public ContactData update(String id, ContactData data, Language wordsIn) {
        if (data.id() != null && !data.id().strip().equals(id)) {
            throw new Refused(new ContactRefusal.IdMismatch(id, data.id()));
        }
        Contact contact = find(id);
        ContactData valid = validated(data.withId(id), wordsIn);
        if (!contact.sameAs(valid)) {
            contact.apply(valid, clock.instant());
            audit.record("contact.updated", describe(valid));
        }
        return valid;
    }

    @Transactional
    public void delete(String id) {
        Contact contact = find(id);
        audit.record("contact.deleted", describe(contact.toData()));
        contact.delete();
    }

    /** Its warnings are stored in {@code wordsIn}, the language of whoever gave the contact. */
    private ContactData validated(ContactData data, Language wordsIn) {
        ContactValidator.Checked checked = validator.check(data);
        if (!checked.accepted()) {
            throw new Refused(new ContactRefusal.ContactInvalid(checked.errors().stream()
                    .map(p -> new FieldError(p.field().jsonName(), p.reason()))
                    .toList()));
        }
        return checked.contact(wordsIn);
    }

    private static Contact find(String id) {
        Contact contact = Contact.findById(id);
        if (contact == null) {
            throw new Refused(new ContactRefusal.ContactNotFound(id));
        }
        return contact;
    }

    private static String describe(ContactData contact) {
        return "id=%s name=%s groups=%s".formatted(contact.id(), contact.name(), String.join("|", contact.groups()));
    }
}
