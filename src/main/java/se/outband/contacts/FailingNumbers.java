package se.outband.contacts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import se.outband.common.Language;
import se.outband.common.NumberOutcome;

/**
 * Mobile numbers whose last SMS failed for good or was reported undelivered. Messaging tells (in the transaction
 * that records the SMS); a later SMS that arrives clears the mark. Marks are by number: a contact given a new
 * number is no longer marked, and one whose mark is older than the delivery rows' retention is forgotten with them.
 */
@ApplicationScoped
public class FailingNumbers {

    private static final String TABLE = "failing_number";

    private final EntityManager em;

    FailingNumbers(EntityManager em) {
        this.em = em;
    }

    /**
     * In the transaction that records the SMS. Its statements name the one table they touch: otherwise each would
     * flush every delivery the recorder changed so far, one by one, instead of in the recorder's batch.
     */
    void heard(@Observes NumberOutcome outcome) {
        if (outcome.mobile() == null) {
            return;
        }
        touching(em.createNativeQuery("delete from failing_number where mobile = ?1")).setParameter(1, outcome.mobile()).executeUpdate();
        if (!outcome.works()) {
            touching(em.createNativeQuery("insert into failing_number (mobile, error_code, failed_at) values (?1, ?2, ?3)"))
                    .setParameter(1, outcome.mobile()).setParameter(2, outcome.failureCode())
                    .setParameter(3, OffsetDateTime.ofInstant(outcome.at(), ZoneOffset.UTC)).executeUpdate();
        }
    }

    private static NativeQuery<?> touching(jakarta.persistence.Query query) {
        return query.unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE);
    }

    /** Every failing number with its latest failure, the reason in {@code language}. */
    @Transactional
    public Map<String, FailingNumber> all(Language language) {
        return read("select mobile, error_code, failed_at from failing_number order by failed_at", List.of(), language);
    }

    @Transactional
    public Optional<FailingNumber> of(String mobile, Language language) {
        if (mobile == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(read("select mobile, error_code, failed_at from failing_number where mobile = ?1 order by failed_at",
                List.of(mobile), language).get(mobile));
    }

    /** A contact with the mark of their number, if it fails. */
    public ContactData marked(ContactData contact, Map<String, FailingNumber> failing) {
        FailingNumber mark = contact.mobile() == null ? null : failing.get(contact.mobile());
        return mark == null ? contact : contact.withFailingNumber(mark);
    }

    /** Forgets the marks of these numbers (a person erased). */
    @Transactional
    public int forget(Collection<String> mobiles) {
        return mobiles.isEmpty() ? 0 : em.createNativeQuery("delete from failing_number where mobile in (?1)")
                .setParameter(1, mobiles).executeUpdate();
    }

    /** Forgets the failures before {@code before}: they are as old as the delivery rows that retention deletes. */
    @Transactional
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("delete from failing_number where failed_at < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<String, FailingNumber> read(String sql, List<Object> parameters, Language language) {
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("mobile", String.class).addScalar("error_code", String.class).addScalar("failed_at", Instant.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        ContactMessages words = language.messages(ContactMessages.class);
        Map<String, FailingNumber> failing = new HashMap<>();
        // Oldest first: the latest failure of a number is the one kept.
        for (Object[] row : query.getResultList()) {
            String code = row[1] == null ? "" : (String) row[1];
            failing.put((String) row[0], new FailingNumber(code.isEmpty() ? null : code, words.numberFails(code), (Instant) row[2]));
        }
        return failing;
    }
}
