package se.outband.messaging.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import se.outband.access.AuditLog;
import se.outband.common.InstanceName;
import se.outband.common.Language;
import se.outband.common.Refused;
import se.outband.common.ScheduledJob;

/**
 * Bulletins planned for later ({@code sendAt}): checked in full when planned, stored as requested, and
 * sent when due by whichever instance claims the row first; the audience is read again then, so people
 * added to a group meanwhile get it too. A bulletin that can no longer be sent when due (its group was
 * removed) is marked refused with the reason, never tried again and again.
 */
@ApplicationScoped
public class PlannedSends {

    private static final Logger LOG = Logger.getLogger(PlannedSends.class);
    /** How far ahead a bulletin can be planned: a year covers next year's drills, nothing further is meant. */
    static final Duration FURTHEST = Duration.ofDays(366);
    /** Due bulletins sent per run; more wait the few seconds until the next run. */
    private static final int PER_RUN = 20;

    private final BulletinService bulletins;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final InstanceName instance;

    PlannedSends(BulletinService bulletins, ObjectMapper json, Clock clock, AuditLog audit, InstanceName instance) {
        this.bulletins = bulletins;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.instance = instance;
    }

    /** Checks the request as a send now would and stores it for its time; with {@code dryRun}, only checks it. */
    @Transactional
    public PlannedView plan(BulletinRequest request, boolean dryRun, String actor) {
        OffsetDateTime at = request.sendAt();
        Instant now = clock.instant();
        if (!at.toInstant().isAfter(now)) {
            throw new Refused(new BulletinRefusal.SendAtPast(at));
        }
        if (at.toInstant().isAfter(now.plus(FURTHEST))) {
            throw new Refused(new BulletinRefusal.SendAtTooFar(at));
        }
        BulletinRequest later = request.now();
        BulletinPreview preview = bulletins.send(later, true, actor);
        PlannedBulletin planned = new PlannedBulletin();
        planned.sendAt = at.toInstant();
        planned.state = PlannedBulletin.State.PLANNED;
        planned.text = later.text().strip();
        planned.drill = later.drill();
        planned.recipients = preview.recipients();
        planned.createdAt = now;
        planned.createdBy = actor;
        try {
            planned.request = json.writeValueAsString(later);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not keep the planned bulletin's request", e);
        }
        if (!dryRun) {
            planned.persist();
            audit.record(actor, "bulletin.planned", "planned=%d sendAt=%s drill=%s recipients=%d text=%s"
                    .formatted(planned.id, planned.sendAt, planned.drill, planned.recipients, planned.text));
        }
        return PlannedView.of(planned).priced(preview);
    }

    /** Those still waiting first, soonest first, then the latest of those sent, cancelled or refused. */
    @Transactional
    public List<PlannedView> list(int limit) {
        List<PlannedBulletin> waiting = PlannedBulletin.<PlannedBulletin>find("state", Sort.ascending("sendAt", "id"),
                PlannedBulletin.State.PLANNED).page(0, limit).list();
        List<PlannedBulletin> done = PlannedBulletin.<PlannedBulletin>find("state <> ?1", Sort.descending("sendAt", "id"),
                PlannedBulletin.State.PLANNED).page(0, Math.max(0, limit - waiting.size())).list();
        return java.util.stream.Stream.concat(waiting.stream(), done.stream()).map(PlannedView::of).toList();
    }

    @Transactional
    public PlannedView get(long id) {
        return PlannedView.of(find(id));
    }

    /** Cancels it if it is still waiting: the update from PLANNED is what a send when due would have to win first. */
    @Transactional
    public PlannedView cancel(long id, String actor) {
        int cancelled = PlannedBulletin.update("state = ?1 where id = ?2 and state = ?3", PlannedBulletin.State.CANCELLED, id,
                PlannedBulletin.State.PLANNED);
        PlannedBulletin planned = find(id);
        if (cancelled == 0) {
            throw new Refused(new BulletinRefusal.PlannedNotCancellable(id, planned.state));
        }
        PlannedBulletin.getEntityManager().refresh(planned);
        audit.record(actor, "bulletin.plan-cancelled", "planned=%d sendAt=%s text=%s".formatted(id, planned.sendAt, planned.text));
        return PlannedView.of(planned);
    }

    @ScheduledJob
    @Scheduled(every = "5s", identity = "planned-sends", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void lookForDue() {
        sendDue();
    }

    /** Sends what is due now; outside the job for tests, which pause the job (a paused job's method does nothing). */
    void sendDue() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> PlannedBulletin.getEntityManager()
                .createQuery("select p.id from PlannedBulletin p where p.state = ?1 and p.sendAt <= ?2 order by p.sendAt, p.id", Long.class)
                .setParameter(1, PlannedBulletin.State.PLANNED).setParameter(2, clock.instant()).setMaxResults(PER_RUN).getResultList());
        due.forEach(this::send);
    }

    /**
     * Sends one due bulletin unless another run or instance already did: the claim (the row's update from
     * PLANNED) and the stored bulletin commit together or not at all. True if this call sent it.
     */
    boolean send(long id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                int claimed = PlannedBulletin.update("state = ?1, sentBy = ?2 where id = ?3 and state = ?4", PlannedBulletin.State.SENT,
                        instance.toString(), id, PlannedBulletin.State.PLANNED);
                if (claimed == 0) {
                    return false;
                }
                PlannedBulletin planned = PlannedBulletin.findById(id);
                BulletinPreview sent = bulletins.send(json.readValue(planned.request, BulletinRequest.class), false, planned.createdBy);
                planned.bulletinId = sent.id();
                return true;
            });
        } catch (Refused refused) {
            String reason = refused.refusal().sentence(Language.SV);
            LOG.warnf("The planned bulletin %d could not be sent when due: %s", id, reason);
            QuarkusTransaction.requiringNew().run(() -> {
                if (PlannedBulletin.update("state = ?1, problem = ?2 where id = ?3 and state = ?4", PlannedBulletin.State.REFUSED,
                        reason.length() > 1000 ? reason.substring(0, 1000) : reason, id, PlannedBulletin.State.PLANNED) == 1) {
                    audit.record("system", "bulletin.plan-refused", "planned=%d reason=%s".formatted(id, reason));
                }
            });
            return false;
        }
    }

    private static PlannedBulletin find(long id) {
        PlannedBulletin planned = PlannedBulletin.findById(id);
        if (planned == null) {
            throw new Refused(new BulletinRefusal.PlannedNotFound(id));
        }
        return planned;
    }
}
