package se.outband.messaging.bulletins;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One escalation step as the API, the progress page and the reach report show it. {@code secondsLeft}
 * counts down while it is PENDING (0 once due, until the next run takes it); {@code outcome} says in
 * words what it found and did, or that it is waiting.
 */
public record EscalationView(int position, String after, long afterMinutes, int ifFewerThan, String answered, List<String> groups,
        boolean remindUnanswered, boolean callUnanswered, @JsonProperty("notify") List<String> notifyUsers, EscalationStep.State state, Instant dueAt,
        Long secondsLeft, Integer answeredThen, Integer added, Integer reminded, Integer called, Integer notified, String problem,
        Instant doneAt, String doneBy, String rule, String outcome) {

    static EscalationView of(EscalationStep step, Instant now, EscalationMessages words) {
        Long left = step.state == EscalationStep.State.PENDING ? Math.max(0, Duration.between(now, step.dueAt).toSeconds()) : null;
        String rule = words.rule(step.position, Durations.words(step.afterSeconds), step.ifFewerThan, step.answer)
                + " " + words.then(String.join(", ", step.groupList()), step.remindUnanswered, step.callUnanswered,
                        String.join(", ", step.userList()));
        String outcome = switch (step.state) {
            case PENDING -> words.pending(Durations.words(left));
            case FIRED -> words.fired(step.answeredThen, step.answer, step.added, step.reminded, step.called, step.notified,
                    step.problem == null ? "" : step.problem);
            case NOT_NEEDED -> words.notNeeded(step.answeredThen, step.answer);
            case CANCELLED -> words.cancelled(String.valueOf(step.doneBy));
        };
        return new EscalationView(step.position, Duration.ofSeconds(step.afterSeconds).toString(), step.afterSeconds / 60,
                step.ifFewerThan, step.answer, step.groupList(), step.remindUnanswered, step.callUnanswered, step.userList(), step.state,
                step.dueAt, left, step.answeredThen, step.added, step.reminded, step.called, step.notified, step.problem, step.doneAt,
                step.doneBy, rule, outcome);
    }

    /** Hours, minutes and seconds as a wait or a countdown reads: "15 min", "9 min 58 s" (the units are the same in English). */
    static final class Durations {
        private Durations() {
        }

        static String words(long seconds) {
            List<String> parts = new java.util.ArrayList<>();
            if (seconds >= 3600) {
                parts.add(seconds / 3600 + " h");
            }
            if (seconds % 3600 >= 60) {
                parts.add(seconds % 3600 / 60 + " min");
            }
            if (seconds % 60 > 0 || parts.isEmpty()) {
                parts.add(seconds % 60 + " s");
            }
            return String.join(" ", parts);
        }
    }
}
