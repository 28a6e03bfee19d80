package se.outband.contacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import se.outband.common.Language;
import se.outband.common.Refused;

/** What the contact list holds about one person: the contact as shown (with the mark of a failing number), for export, and their erasure. */
@ApplicationScoped
public class PersonData {

    /** A value the person set themself, and what the HR system had before. */
    public record OwnValueRecord(String field, String hrValue, String ownValue, Instant setAt) {
    }

    private final EntityManager em;
    private final FailingNumbers numbers;

    PersonData(EntityManager em, FailingNumbers numbers) {
        this.em = em;
        this.numbers = numbers;
    }

    /** The contact, marked when their number fails; refused when there is none. */
    @Transactional
    public ContactData contact(String id, Language language) {
        Contact contact = Contact.findById(id);
        if (contact == null) {
            throw new Refused(new ContactRefusal.ContactNotFound(id));
        }
        ContactData data = contact.toData();
        return numbers.of(data.mobile(), language).map(data::withFailingNumber).orElse(data);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<OwnValueRecord> ownValues(String id) {
        List<Object[]> rows = em.createNativeQuery("select field, hr_value, own_value, set_at from own_value where contact_id = ?1"
                + " order by field").unwrap(NativeQuery.class).addScalar("field", String.class).addScalar("hr_value", String.class)
                .addScalar("own_value", String.class).addScalar("set_at", Instant.class).setParameter(1, id).getResultList();
        List<OwnValueRecord> values = new ArrayList<>();
        rows.forEach(row -> values.add(new OwnValueRecord((String) row[0], (String) row[1], (String) row[2], (Instant) row[3])));
        return values;
    }

    /**
     * Deletes the contact, with their groups, own values, checks (the database's cascades) and the mark of their
     * number, in the caller's transaction. Not audited here: the caller records that an erasure happened, without
     * the person's data. Returns what the contact was, for the caller to erase the rest.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ContactData erase(String id) {
        Contact contact = Contact.findById(id);
        if (contact == null) {
            throw new Refused(new ContactRefusal.ContactNotFound(id));
        }
        ContactData data = contact.toData();
        contact.delete();
        if (data.mobile() != null) {
            numbers.forget(List.of(data.mobile()));
        }
        return data;
    }
}
