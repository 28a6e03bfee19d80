package se.outband.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import se.outband.common.Text;

/**
 * Appends to the audit log inside the caller's transaction, so a change and its entry are stored or
 * lost together. There is deliberately no way to change or remove an entry.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of what Outband does by itself (start-up, seeding). */
    public static final String SYSTEM = "system";
    private static final int MAX_ACTOR = 100;
    private static final int MAX_DETAILS = 4000;

    /** A page of the log, newest first. */
    public record AuditPage(int page, int size, long total, List<AuditView> entries) {
        public boolean hasOlder() {
            return (long) (page + 1) * size < total;
        }

        public int olderPage() {
            return page + 1;
        }
    }

    public record AuditView(long id, Instant at, String actor, String action, String details) {
    }

    private final Clock clock;
    private final CurrentIdentityAssociation identities;

    AuditLog(Clock clock, CurrentIdentityAssociation identities) {
        this.clock = clock;
        this.identities = identities;
    }

    /** Records an action of the user behind the current request (or {@link #SYSTEM} outside one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String details) {
        record(currentActor(), action, details);
    }

    /** The actor may be what a stranger typed as user name, so it is cut to fit rather than refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String details) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = Text.clip(actor, MAX_ACTOR);
        entry.action = action;
        entry.details = Text.clip(details, MAX_DETAILS);
        entry.persist();
    }

    /** Whether anything of {@code action} ever happened, e.g. a restore from a backup. */
    @Transactional
    public boolean recorded(String action) {
        return AuditEntry.count("action", action) > 0;
    }

    @Transactional
    public AuditPage page(int page, int size) {
        var query = AuditEntry.<AuditEntry>findAll(Sort.descending("id")).page(Page.of(page, size));
        List<AuditView> entries = query.list().stream()
                .map(e -> new AuditView(e.id, e.at, e.actor, e.action, e.details))
                .toList();
        return new AuditPage(page, size, query.count(), entries);
    }

    private String currentActor() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }
}
