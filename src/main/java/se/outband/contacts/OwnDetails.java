package se.outband.contacts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.Refused;

/**
 * A person's own contact details as they see and correct them themself (a contact check's link): every
 * change is audited with the person as its actor, {@code self:<id>}, never the HR user who sent the link.
 */
@ApplicationScoped
public class OwnDetails {

    /** What a person is shown of themself, and what a check needs to reach them. */
    public record Person(String id, String name, String unit, String mobile, String email, String language) {
    }

    /** The people of the chosen groups and units (everyone when both are empty), each once, and what was not found. */
    public record Chosen(List<Person> people, List<String> unknownGroups, List<String> unknownUnits) {
    }

    /** One field a person set themself: the value before and after. */
    public record Changed(String field, String before, String after) {
    }

    private static final String COLUMNS = "select c.id, c.name, c.unit, c.mobile, c.email, c.language from contact c";

    private final ContactValidator validator;
    private final OwnValues owns;
    private final AuditLog audit;
    private final Clock clock;

    OwnDetails(ContactValidator validator, OwnValues owns, AuditLog audit, Clock clock) {
        this.validator = validator;
        this.owns = owns;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Chosen choose(Collection<String> groups, Collection<String> units) {
        EntityManager em = Contact.getEntityManager();
        Map<String, Person> chosen = new LinkedHashMap<>();
        List<String> unknownGroups = new ArrayList<>();
        List<String> unknownUnits = new ArrayList<>();
        if (groups.isEmpty() && units.isEmpty()) {
            rows(em, COLUMNS + " order by c.name, c.id", null, null).forEach(p -> chosen.put(p.id(), p));
        }
        if (!groups.isEmpty()) {
            Set<String> known = new HashSet<>(em.createNativeQuery(
                    "select distinct group_name from contact_group where group_name in (:names)", String.class)
                    .setParameter("names", groups).getResultList());
            groups.stream().filter(g -> !known.contains(g)).forEach(unknownGroups::add);
            rows(em, COLUMNS + " join contact_group g on g.contact_id = c.id where g.group_name in (:names) order by c.name, c.id",
                    "names", groups).forEach(p -> chosen.putIfAbsent(p.id(), p));
        }
        if (!units.isEmpty()) {
            Set<String> found = new HashSet<>();
            rows(em, COLUMNS + " where c.unit in (:names) order by c.name, c.id", "names", units).forEach(p -> {
                found.add(p.unit());
                chosen.putIfAbsent(p.id(), p);
            });
            units.stream().filter(u -> !found.contains(u)).forEach(unknownUnits::add);
        }
        return new Chosen(List.copyOf(chosen.values()), unknownGroups, unknownUnits);
    }

    private static List<Person> rows(EntityManager em, String sql, String parameter, Collection<String> values) {
        var query = em.createNativeQuery(sql, Object[].class);
        if (parameter != null) {
            query.setParameter(parameter, values);
        }
        return ((List<?>) query.getResultList()).stream().map(Object[].class::cast)
                .map(r -> new Person((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]))
                .toList();
    }

    /** The people of {@code ids} still stored, by id (an erased person is simply not there). */
    @Transactional
    public Map<String, Person> people(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        Map<String, Person> found = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += 1000) {
            rows(Contact.getEntityManager(), COLUMNS + " where c.id in (:names)", "names", all.subList(from, Math.min(all.size(), from + 1000)))
                    .forEach(p -> found.put(p.id(), p));
        }
        return found;
    }

    @Transactional
    public Optional<Person> of(String id) {
        return Optional.ofNullable(Contact.<Contact>findById(id))
                .map(c -> new Person(c.id, c.name, c.unit, c.mobile, c.email, c.language));
    }

    /** The person says their details are right. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(String id, String within) {
        audit.record(actor(id), "contact.self-confirmed", "id=" + id + " " + within);
    }

    /**
     * Sets the fields the person changed (null: left as it is), by the same rules as any contact; refused
     * as a whole when one is wrong. Returns what really changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Changed> change(String id, String mobile, String email, String language, String within) {
        Contact contact = Contact.findById(id);
        if (contact == null) {
            throw new Refused(new ContactRefusal.ContactNotFound(id));
        }
        ContactData before = contact.toData();
        ContactData wanted = new ContactData(id, before.name(), mobile == null ? before.mobile() : mobile,
                email == null ? before.email() : email, before.groups(), language == null ? before.language() : language,
                before.title(), before.unit(), List.of());
        ContactValidator.Checked checked = validator.check(wanted);
        if (!checked.accepted()) {
            throw new Refused(new ContactRefusal.ContactInvalid(checked.errors().stream()
                    .map(p -> new ContactService.FieldError(p.field().jsonName(), p.reason())).toList()));
        }
        ContactData after = checked.contact(Language.SV);
        List<Changed> changed = new ArrayList<>();
        compare("mobile", before.mobile(), after.mobile(), changed);
        compare("email", before.email(), after.email(), changed);
        compare("language", before.language(), after.language(), changed);
        if (!changed.isEmpty()) {
            contact.apply(after, clock.instant());
            changed.forEach(c -> owns.remember(id, c.field(), c.before(), c.after(), clock.instant()));
            audit.record(actor(id), "contact.self-changed", "id=" + id + " fields="
                    + String.join(",", changed.stream().map(Changed::field).toList()) + " " + within);
        }
        return changed;
    }

    /** A mobile and an email as they would be stored (070-… as E.164); null for blank. Refused when either is wrong. */
    public record Typed(String mobile, String email) {
    }

    public Typed typed(String id, String mobile, String email) {
        ContactValidator.Checked checked = validator.check(new ContactData(id, "-", mobile, email, List.of(), null, null, null, List.of()));
        List<FieldProblem> wrong = checked.errors().stream().filter(p -> !(p.reason() instanceof ContactProblem.NoChannel)).toList();
        if (!wrong.isEmpty()) {
            throw new Refused(new ContactRefusal.ContactInvalid(wrong.stream()
                    .map(p -> new ContactService.FieldError(p.field().jsonName(), p.reason())).toList()));
        }
        return new Typed(checked.contact().mobile(), checked.contact().email());
    }

    private static void compare(String field, String before, String after, List<Changed> changed) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(new Changed(field, before, after));
        }
    }

    /** The audit log's actor for what a person does themself. */
    public static String actor(String id) {
        return "self:" + id;
    }
}
