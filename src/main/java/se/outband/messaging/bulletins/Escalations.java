package se.outband.messaging.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import se.outband.access.AuditLog;
import se.outband.access.User;
import se.outband.common.Language;
import se.outband.common.Refused;
import se.outband.contacts.ContactService;

/**
 * A bulletin's escalation: its steps checked with the bulletin (so a bad step refuses the whole request and
 * nothing is stored), stored with it, shown with their countdown or outcome, and cancelled by a leader.
 * {@link EscalationRunner} runs them when due.
 */
@ApplicationScoped
public class Escalations {

    public static final int MAX_STEPS = 5;
    /** The shortest wait: time for the first answers to arrive, and short enough for a quick drill. */
    static final Duration SHORTEST = Duration.ofSeconds(10);
    /** Replies are matched for 72 hours: a step after that would count answers that no longer arrive. */
    static final Duration LONGEST = Replies.WINDOW;
    static final int MOST_ANSWERS = 100_000;

    private final ContactService contacts;
    private final AuditLog audit;
    private final Clock clock;

    Escalations(ContactService contacts, AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
    }

    /** The steps as they will be stored; refused with the first thing wrong, naming its step. */
    List<EscalationPlan> check(List<EscalationRequest> steps, List<String> options) {
        if (steps.isEmpty()) {
            return List.of();
        }
        if (options.isEmpty()) {
            throw new Refused(new EscalationRefusal.WithoutReplyOptions());
        }
        if (steps.size() > MAX_STEPS) {
            throw new Refused(new EscalationRefusal.TooManySteps(steps.size(), MAX_STEPS));
        }
        List<EscalationPlan> plan = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            plan.add(check(i + 1, steps.get(i), options));
        }
        return plan;
    }

    private EscalationPlan check(int position, EscalationRequest step, List<String> options) {
        Duration after = after(position, step.after());
        if (step.ifFewerThan() < 1 || step.ifFewerThan() > MOST_ANSWERS) {
            throw new Refused(new EscalationRefusal.FewerThanInvalid(position, step.ifFewerThan(), MOST_ANSWERS));
        }
        String answer = step.answered() == null ? "" : step.answered().strip().toUpperCase(Locale.ROOT);
        if (!options.contains(answer)) {
            throw new Refused(new EscalationRefusal.OptionUnknown(position, String.valueOf(step.answered()), options));
        }
        EscalationRequest.Then then = step.then() == null ? new EscalationRequest.Then(null, false, false, null) : step.then();
        List<String> groups = clean(then.groups());
        List<String> notify = clean(then.notifyUsers());
        if (groups.isEmpty() && notify.isEmpty() && !then.remindUnanswered() && !then.callUnanswered()) {
            throw new Refused(new EscalationRefusal.NothingToDo(position));
        }
        List<String> unknownGroups = contacts.resolve(groups, List.of()).unknownGroups();
        if (!unknownGroups.isEmpty()) {
            throw new Refused(new EscalationRefusal.UnknownGroups(position, unknownGroups));
        }
        List<String> unknownUsers = new ArrayList<>();
        List<String> withoutMobile = new ArrayList<>();
        for (String username : notify) {
            User user = User.findByUsername(username);
            if (user == null) {
                unknownUsers.add(username);
            } else if (user.mobile == null) {
                withoutMobile.add(username);
            }
        }
        if (!unknownUsers.isEmpty()) {
            throw new Refused(new EscalationRefusal.UnknownUsers(position, unknownUsers));
        }
        if (!withoutMobile.isEmpty()) {
            throw new Refused(new EscalationRefusal.UsersWithoutMobile(position, withoutMobile));
        }
        return new EscalationPlan(position, after, step.ifFewerThan(), answer, groups, then.remindUnanswered(), then.callUnanswered(),
                notify);
    }

    private static Duration after(int position, String text) {
        Duration after;
        try {
            after = Duration.parse(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new Refused(new EscalationRefusal.AfterInvalid(position, String.valueOf(text)));
        }
        if (after.compareTo(SHORTEST) < 0 || after.compareTo(LONGEST) > 0) {
            throw new Refused(new EscalationRefusal.AfterInvalid(position, text));
        }
        return after;
    }

    /** In the bulletin's transaction: each step is due its wait after the bulletin was sent. */
    void store(Bulletin bulletin, List<EscalationPlan> plan, String actor) {
        for (EscalationPlan step : plan) {
            EscalationStep row = new EscalationStep();
            row.bulletinId = bulletin.id;
            row.position = step.position();
            row.afterSeconds = step.after().toSeconds();
            row.dueAt = bulletin.createdAt.plus(step.after());
            row.ifFewerThan = step.ifFewerThan();
            row.answer = step.answer();
            row.addGroups = EscalationStep.join(step.groups());
            row.remindUnanswered = step.remind();
            row.callUnanswered = step.call();
            row.notifyUsers = EscalationStep.join(step.users());
            row.state = EscalationStep.State.PENDING;
            row.persist();
            audit.record(actor, "bulletin.escalation-planned", "bulletin=%d step=%d drill=%s after=%s ifFewerThan=%d answered=%s groups=[%s]"
                    .formatted(bulletin.id, step.position(), bulletin.drill, step.after(), step.ifFewerThan(), step.answer(),
                            String.join(", ", step.groups())) + " remind=%s call=%s notify=[%s]"
                    .formatted(step.remind(), step.call(), String.join(", ", step.users())));
        }
    }

    /** Stops the steps not yet run; those already run stay as they were. Returns how many were stopped. */
    @Transactional
    public int cancel(long bulletinId, String actor) {
        BulletinQueries.find(bulletinId);
        int cancelled = EscalationStep.update("state = ?1, doneAt = ?2, doneBy = ?3 where bulletinId = ?4 and state = ?5",
                EscalationStep.State.CANCELLED, clock.instant(), actor, bulletinId, EscalationStep.State.PENDING);
        if (cancelled > 0) {
            audit.record(actor, "bulletin.escalation-cancelled", "bulletin=%d steps=%d".formatted(bulletinId, cancelled));
        }
        return cancelled;
    }

    /** The bulletin's steps in order, each with its countdown or what it did, said in {@code language}. */
    @Transactional
    public List<EscalationView> of(long bulletinId, Language language) {
        BulletinQueries.find(bulletinId);
        EscalationMessages words = language.messages(EscalationMessages.class);
        return EscalationStep.<EscalationStep>list("bulletinId", Sort.by("position"), bulletinId).stream()
                .map(step -> EscalationView.of(step, clock.instant(), words)).toList();
    }

    private static List<String> clean(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }
}
