package se.outband.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * A read of this many people's contact details is audited: any list, since one person is a look-up (a
     * leader calling someone) while two are already a copy, and a higher bar would let anyone take everyone
     * a group or a search at a time, each under the bar.
     */
    public static final int MANY_PEOPLE = 2;
    /**
     * The same reader reading the same list again within this is not written again unless it showed more
     * people: the bulletin page refreshes itself every 10 seconds and scripts poll, and an auditor needs
     * who read which list and how many people were on it, not every refresh.
     */
    static final Duration READ_AGAIN = Duration.ofHours(1);
    /** Readers and lists remembered for {@link #READ_AGAIN}; beyond this, the expired are forgotten. */
    private static final int REMEMBERED_READS = 10_000;

    /** When a reader's list was last recorded, and with how many people. */
    private record Read(Instant at, int people) {
    }

    private final Clock clock;
    private final CurrentIdentityAssociation identities;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    AuditLog(Clock clock, CurrentIdentityAssociation identities) {
        this.clock = clock;
        this.identities = identities;
    }

    /** Records an action of the user behind the current request (or {@link #SYSTEM} outside one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String details) {
        record(currentActor(), action, details);
    }

    /**
     * The actor may be what a stranger typed as user name, and details echo searches and file names: both are
     * stored on one line without direction tricks, and cut to fit rather than refused, so that no entry can
     * pass for two or show a name it is not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String details) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = Text.clip(Text.oneLine(actor), MAX_ACTOR);
        entry.action = action;
        entry.details = Text.clip(Text.oneLine(details), MAX_DETAILS);
        entry.persist();
    }

    /**
     * A read of {@code people} people's contact details (numbers, email addresses) by the user behind the
     * current request: {@code action} and {@code what} say which list (e.g. "bulletin=42"). Recorded from
     * {@link #MANY_PEOPLE} people on, once per reader and list within {@link #READ_AGAIN} unless more people
     * were shown. Within the reader's transaction when there is one: a read whose entry cannot be stored fails.
     */
    @Transactional
    public void recordRead(String action, String what, int people) {
        if (people < MANY_PEOPLE) {
            return;
        }
        String actor = currentActor();
        Instant now = clock.instant();
        String key = actor + "\n" + action + "\n" + what;
        Read before = reads.get(key);
        if (before != null && before.at().isAfter(now.minus(READ_AGAIN)) && people <= before.people()) {
            return;
        }
        record(actor, action, (what.isEmpty() ? "" : what + " ") + "people=" + people);
        if (reads.size() >= REMEMBERED_READS) {
            reads.values().removeIf(read -> !read.at().isAfter(now.minus(READ_AGAIN)));
        }
        reads.put(key, new Read(now, people));
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
