package se.outband.contacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What people set themselves, so HR's nightly import does not quietly put the old number back: an import that
 * brings the value the contact held before the person's change (the HR system has not caught up) keeps the
 * person's value and says so; an import that brings anything else (HR changed it since) wins.
 */
@ApplicationScoped
class OwnValues {

    /** One field a person set: what it was before (as the HR system still has it) and what they set. */
    record Own(String field, String hrValue, String ownValue) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void remember(String contactId, String field, String before, String after, Instant at) {
        EntityManager em = Contact.getEntityManager();
        List<?> earlier = em.createNativeQuery("select hr_value from own_value where contact_id = ?1 and field = ?2")
                .setParameter(1, contactId).setParameter(2, field).getResultList();
        // A second change keeps what the HR system had before the first: that is still what its import carries.
        String hrValue = earlier.isEmpty() ? before : (String) earlier.get(0);
        em.createNativeQuery("delete from own_value where contact_id = ?1 and field = ?2").setParameter(1, contactId)
                .setParameter(2, field).executeUpdate();
        em.createNativeQuery("insert into own_value (contact_id, field, hr_value, own_value, set_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, contactId).setParameter(2, field).setParameter(3, hrValue).setParameter(4, after)
                .setParameter(5, at).executeUpdate();
    }

    /**
     * The chunk as it is to be stored: a field whose imported value is the one the person replaced keeps the
     * person's value, and the person is listed in {@code kept}; an own value the import no longer carries the
     * old value for is forgotten (when {@code apply}), so the import wins from then on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ContactData> respect(List<ContactData> chunk, List<ImportedPerson> kept, int[] keptCount, boolean apply) {
        Map<String, List<Own>> owns = of(chunk.stream().map(ContactData::id).toList());
        if (owns.isEmpty()) {
            return chunk;
        }
        List<ContactData> respected = new ArrayList<>(chunk.size());
        for (ContactData row : chunk) {
            List<Own> own = owns.get(row.id());
            if (own == null) {
                respected.add(row);
                continue;
            }
            ContactData result = row;
            List<ImportedPerson.FieldChange> keptFields = new ArrayList<>();
            for (Own o : own) {
                String imported = value(result, o.field());
                if (Objects.equals(imported, o.hrValue()) && !Objects.equals(imported, o.ownValue())) {
                    result = with(result, o.field(), o.ownValue());
                    keptFields.add(new ImportedPerson.FieldChange(o.field(), imported, o.ownValue()));
                } else if (apply) {
                    Contact.getEntityManager().createNativeQuery("delete from own_value where contact_id = ?1 and field = ?2")
                            .setParameter(1, row.id()).setParameter(2, o.field()).executeUpdate();
                }
            }
            if (!keptFields.isEmpty()) {
                keptCount[0]++;
                if (kept.size() < ImportTally.PEOPLE_LISTED) {
                    kept.add(new ImportedPerson(row.id(), row.name(), keptFields));
                }
            }
            respected.add(result);
        }
        return respected;
    }

    private static Map<String, List<Own>> of(Collection<String> ids) {
        Map<String, List<Own>> owns = new HashMap<>();
        ((List<?>) Contact.getEntityManager().createNativeQuery(
                "select contact_id, field, hr_value, own_value from own_value where contact_id in (:ids) order by contact_id, field", Object[].class)
                .setParameter("ids", ids).getResultList()).stream().map(Object[].class::cast)
                .forEach(r -> owns.computeIfAbsent((String) r[0], id -> new ArrayList<>())
                        .add(new Own((String) r[1], (String) r[2], (String) r[3])));
        return owns;
    }

    private static String value(ContactData contact, String field) {
        return switch (field) {
            case "mobile" -> contact.mobile();
            case "email" -> contact.email();
            case "language" -> contact.language();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static ContactData with(ContactData c, String field, String value) {
        return switch (field) {
            case "mobile" -> new ContactData(c.id(), c.name(), value, c.email(), c.groups(), c.language(), c.title(), c.unit(), c.warnings());
            case "email" -> new ContactData(c.id(), c.name(), c.mobile(), value, c.groups(), c.language(), c.title(), c.unit(), c.warnings());
            case "language" -> new ContactData(c.id(), c.name(), c.mobile(), c.email(), c.groups(), value, c.title(), c.unit(), c.warnings());
            default -> throw new IllegalArgumentException(field);
        };
    }
}
