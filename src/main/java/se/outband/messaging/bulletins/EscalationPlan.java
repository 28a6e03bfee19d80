package se.outband.messaging.bulletins;

import java.time.Duration;
import java.util.List;

/** One escalation step as checked: what {@link EscalationRequest} asked for, with its values cleaned and known to exist. */
record EscalationPlan(int position, Duration after, int ifFewerThan, String answer, List<String> groups, boolean remind,
        boolean call, List<String> users) {
}
