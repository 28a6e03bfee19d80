package se.outband.statuspage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The status page's version in the database, so that a change made on one instance is shown by every
 * instance and published once. Every change counts it up in the change's own transaction; an instance
 * renders again when the count is ahead of what it shows; the publishing instance moves
 * {@code published} up to each version it publishes.
 */
@ApplicationScoped
class SiteVersions {

    private final EntityManager em;

    SiteVersions(EntityManager em) {
        this.em = em;
    }

    /** In the change's transaction: a change that is rolled back (a preview) counts nothing. */
    void count(@Observes StatusChanged event) {
        em.createNativeQuery("update status_site_version set version = version + 1 where id = 1").executeUpdate();
    }

    /**
     * Makes the caller's change wait for any other change of the status page to commit, and then see it:
     * a decision on what is there (is an incident open?) is not taken twice at once, on two instances.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void waitForOtherChanges() {
        em.createNativeQuery("select version from status_site_version where id = 1 for update").getSingleResult();
    }

    /** The newest version, read in the caller's transaction (the render's, beside what it renders). */
    @Transactional
    long current() {
        return ((Number) em.createNativeQuery("select version from status_site_version where id = 1").getSingleResult()).longValue();
    }

    /** The newest version published. */
    @Transactional
    long published() {
        return ((Number) em.createNativeQuery("select published from status_site_version where id = 1").getSingleResult()).longValue();
    }

    /** True when {@code version} is newer than any published yet: it is to be published. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean claimPublishing(long version) {
        return em.createNativeQuery("update status_site_version set published = ?1 where id = 1 and published < ?1")
                .setParameter(1, version).executeUpdate() == 1;
    }
}
