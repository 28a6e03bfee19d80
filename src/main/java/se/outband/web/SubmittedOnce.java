package se.outband.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import se.outband.common.LinkTokens;
import se.outband.common.RowWaits;

/**
 * A form that must take effect once however often it arrives: a leader's second tap on "Skicka" on a slow
 * phone, or a browser sending the form again. Its page carries a token, which the first submission stores
 * in the transaction that does the work. A second submission, on this instance or another, waits at the
 * token's row for the first to end ({@link RowWaits}: as long as storing a big bulletin takes), and is then
 * led where the first led. One the first was refused for (a group deleted meanwhile) runs again, and is
 * refused in its own words.
 */
@ApplicationScoped
class SubmittedOnce {

    private final EntityManager em;
    private final Clock clock;

    SubmittedOnce(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A new token, for a page whose form is to take effect once: random like a link's, stored as it is (it opens nothing). */
    String token() {
        return LinkTokens.newToken();
    }

    /**
     * Does {@code work}, which returns the address it leads to, once for {@code token}; a later submission of
     * the same token is led to that address. A form without a token (a page opened before an upgrade) is done
     * as it comes.
     */
    String once(String token, Callable<String> work) {
        if (!LinkTokens.wellFormed(token)) {
            return QuarkusTransaction.requiringNew().call(work);
        }
        try {
            return RowWaits.inTransaction(() -> {
                em.createNativeQuery("insert into submitted_form (token, led_to, submitted_at) values (?1, '', ?2)")
                        .setParameter(1, token).setParameter(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .executeUpdate();
                String ledTo = work.call();
                em.createNativeQuery("update submitted_form set led_to = ?1 where token = ?2").setParameter(1, ledTo)
                        .setParameter(2, token).executeUpdate();
                return ledTo;
            });
        } catch (RuntimeException e) {
            // The token's row already there is a submission that went through; none is a failure of this one.
            Optional<String> earlier = QuarkusTransaction.requiringNew().call(() -> ledTo(token));
            if (earlier.isEmpty()) {
                throw e;
            }
            return earlier.get();
        }
    }

    private Optional<String> ledTo(String token) {
        List<?> rows = em.createNativeQuery("select led_to from submitted_form where token = ?1").setParameter(1, token)
                .getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }
}
