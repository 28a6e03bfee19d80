package se.outband.messaging.bulletins;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import se.outband.access.AuditLog;
import se.outband.access.User;
import se.outband.common.InstanceName;
import se.outband.common.Language;
import se.outband.common.ScheduledJob;
import se.outband.common.Text;
import se.outband.contacts.ContactService;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.DeliveriesQueued;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.Outbox;
import se.outband.messaging.providers.voice.CallGateway;

/**
 * Runs escalation steps when due, each once and in order: a step is taken only when every earlier step
 * of its bulletin has run or was cancelled, and whichever run or instance first moves it from PENDING does
 * it, in the same transaction as everything it queues. Everything it sends belongs to the bulletin, so a
 * drill's escalation is a drill: the same marked message, the same call script, a summary marked ÖVNING.
 */
@ApplicationScoped
public class EscalationRunner {

    private static final Logger LOG = Logger.getLogger(EscalationRunner.class);
    /** Due steps taken per run; more wait the few seconds until the next run. */
    private static final int PER_RUN = 20;

    private final Replies replies;
    private final ContactService contacts;
    private final ChannelPlanner planner;
    private final BulletinRows rows;
    private final Outbox outbox;
    private final CallGateway calls;
    private final AuditLog audit;
    private final Clock clock;
    private final InstanceName instance;
    private final Event<DeliveriesQueued> queued;

    EscalationRunner(Replies replies, ContactService contacts, ChannelPlanner planner, BulletinRows rows, Outbox outbox, CallGateway calls,
            AuditLog audit, Clock clock, InstanceName instance, Event<DeliveriesQueued> queued) {
        this.replies = replies;
        this.contacts = contacts;
        this.planner = planner;
        this.rows = rows;
        this.outbox = outbox;
        this.calls = calls;
        this.audit = audit;
        this.clock = clock;
        this.instance = instance;
        this.queued = queued;
    }

    @ScheduledJob
    @Scheduled(every = "${outband.escalation.every}", identity = "escalation", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void lookForDue() {
        runDue();
    }

    /** Runs the steps due now, each once its earlier steps have run; outside the job for tests, which pause the job. */
    void runDue() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> EscalationStep.getEntityManager().createQuery(
                "select s.id from EscalationStep s where s.state = ?1 and s.dueAt <= ?2 and not exists (select e from EscalationStep e"
                        + " where e.bulletinId = s.bulletinId and e.position < s.position and e.state = ?1) order by s.dueAt, s.id", Long.class)
                .setParameter(1, EscalationStep.State.PENDING).setParameter(2, clock.instant()).setMaxResults(PER_RUN).getResultList());
        RuntimeException first = null;
        for (long id : due) {
            try {
                run(id);
            } catch (RuntimeException e) {
                // One step that cannot run must not hold back other bulletins' steps; it stays PENDING and is tried again.
                LOG.errorf(e, "Could not run escalation step %d; trying again shortly", id);
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            // Failing the run says it in readiness, as every job's failures are.
            throw first;
        }
    }

    /** Runs one step unless another run or instance already did: true if this call ran it (whether it went further or not). */
    boolean run(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = EscalationStep.update("state = ?1, doneAt = ?2, doneBy = ?3 where id = ?4 and state = ?5",
                    EscalationStep.State.FIRED, clock.instant(), instance.toString(), id, EscalationStep.State.PENDING);
            if (claimed == 0) {
                return false;
            }
            EscalationStep step = EscalationStep.findById(id);
            Bulletin bulletin = BulletinQueries.find(step.bulletinId);
            step.answeredThen = replies.of(bulletin.id).tally().answers().getOrDefault(step.answer, 0L).intValue();
            if (step.answeredThen >= step.ifFewerThan) {
                step.state = EscalationStep.State.NOT_NEEDED;
            } else {
                goFurther(step, bulletin);
            }
            audit.record("system", "bulletin.escalation-" + (step.state == EscalationStep.State.FIRED ? "fired" : "not-needed"),
                    "bulletin=%d step=%d drill=%s answered=%d option=%s fewerThan=%d added=%s reminded=%s called=%s notified=%s problem=%s"
                            .formatted(bulletin.id, step.position, bulletin.drill, step.answeredThen, step.answer, step.ifFewerThan,
                                    step.added, step.reminded, step.called, step.notified, step.problem));
            return true;
        });
    }

    private void goFurther(EscalationStep step, Bulletin bulletin) throws SQLException {
        EscalationMessages words = Language.SV.messages(EscalationMessages.class);
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        // Those silent before the step: the groups added now have just been sent to, not yet failed to answer.
        List<Recipient> silent = Recipient.list("from Recipient r where r.bulletinId = ?1"
                + " and not exists (select p from Reply p where p.recipientId = r.id) order by r.id", bulletin.id);
        step.added = addGroups(step, bulletin, problems, words, now);
        step.reminded = step.remindUnanswered ? remind(silent, bulletin, words, now) : 0;
        step.called = 0;
        if (step.callUnanswered) {
            if (calls.available()) {
                for (Recipient person : silent) {
                    if (person.mobile != null) {
                        Delivery.queued(bulletin.id, person.id, Channel.VOICE, person.mobile, null, now).persist();
                        step.called++;
                    }
                }
            } else {
                problems.add(words.callsUnavailable());
            }
        }
        step.notified = notifyUsers(step, bulletin, problems, words);
        step.problem = problems.isEmpty() ? null : Text.clip(String.join(" ", problems), 1000);
        queued.fire(new DeliveriesQueued());
    }

    private int addGroups(EscalationStep step, Bulletin bulletin, List<String> problems, EscalationMessages words, Instant now)
            throws SQLException {
        if (step.groupList().isEmpty()) {
            return 0;
        }
        ContactService.Audience audience = contacts.resolve(step.groupList(), List.of());
        if (!audience.unknownGroups().isEmpty()) {
            problems.add(words.groupsGone(String.join(", ", audience.unknownGroups())));
        }
        Set<String> already = new HashSet<>(Recipient.getEntityManager()
                .createQuery("select r.contactId from Recipient r where r.bulletinId = ?1", String.class)
                .setParameter(1, bulletin.id).getResultList());
        List<PlannedRecipient> plan = audience.addressees().stream().filter(person -> !already.contains(person.id()))
                .map(person -> planner.plan(person, bulletin.channels)).toList();
        if (!plan.isEmpty()) {
            rows.store(bulletin.id, plan, now);
            bulletin.recipientCount += plan.size();
        }
        return plan.size();
    }

    private static int remind(List<Recipient> silent, Bulletin bulletin, EscalationMessages words, Instant now) {
        String reminder = reminder(bulletin, words.reminderPrefix());
        int reminded = 0;
        for (Recipient person : silent) {
            Channel channel = person.mobile != null && bulletin.channels != ChannelPolicy.EMAIL ? Channel.SMS
                    : person.email != null ? Channel.EMAIL : null;
            if (channel != null) {
                Delivery delivery = Delivery.queued(bulletin.id, person.id, channel, channel == Channel.SMS ? person.mobile : person.email,
                        null, now);
                delivery.body = reminder;
                delivery.persist();
                reminded++;
            }
        }
        return reminded;
    }

    /** The bulletin's message once more, said to be a reminder, after the drill mark so that it still comes first. */
    static String reminder(Bulletin bulletin, String prefix) {
        String message = bulletin.drill && bulletin.message.startsWith(BulletinService.DRILL_PREFIX)
                ? BulletinService.DRILL_PREFIX + prefix + bulletin.message.substring(BulletinService.DRILL_PREFIX.length())
                : prefix + bulletin.message;
        return message.length() <= BulletinRequest.MAX_TEXT ? message : bulletin.message;
    }

    private int notifyUsers(EscalationStep step, Bulletin bulletin, List<String> problems, EscalationMessages words) {
        List<String> withoutMobile = new ArrayList<>();
        int notified = 0;
        for (String username : step.userList()) {
            User user = User.findByUsername(username);
            if (user == null || user.mobile == null) {
                withoutMobile.add(username);
            } else {
                outbox.send(Channel.SMS, user.mobile, words.summary(bulletin.drill, bulletin.id,
                        EscalationView.Durations.words(step.afterSeconds), step.answeredThen, step.answer, bulletin.recipientCount,
                        step.ifFewerThan, step.position, step.added, step.reminded, step.called, Text.clip(bulletin.text, 60)));
                notified++;
            }
        }
        if (!withoutMobile.isEmpty()) {
            problems.add(words.notNotified(String.join(", ", withoutMobile)));
        }
        return notified;
    }
}
