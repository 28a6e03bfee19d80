package se.outband.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import se.outband.messaging.bulletins.EscalationRequest;

/**
 * One escalation step as the bulletin form holds it, as typed: after how many minutes, if fewer than how
 * many have answered which option, then which groups, reminders, calls and users. The form sends each field
 * as a list in step order; the two checkboxes send the numbers of the steps ticked (a checkbox left empty
 * sends nothing, which would shift a list of values).
 */
public record EscalationDraft(String after, String fewer, String answered, String groups, boolean remind, boolean call, String users) {

    static final EscalationDraft EMPTY = new EscalationDraft("", "", "", "", false, false, "");
    /** More than the five a bulletin can have, so that a sixth is refused with a sentence; the rest are not read. */
    private static final int READ_AT_MOST = 10;

    /** The steps filled in; a slot left empty is not a step. */
    static List<EscalationDraft> of(List<String> after, List<String> fewer, List<String> answered, List<String> groups,
            List<String> remind, List<String> call, List<String> notify) {
        List<EscalationDraft> steps = new ArrayList<>();
        int slots = Math.min(READ_AT_MOST, Math.max(after.size(), Math.max(fewer.size(), Math.max(groups.size(), notify.size()))));
        for (int i = 0; i < slots; i++) {
            String index = Integer.toString(i);
            EscalationDraft step = new EscalationDraft(at(after, i), at(fewer, i),
                    at(answered, i).strip().toUpperCase(Locale.ROOT), at(groups, i), remind.contains(index),
                    call.contains(index), at(notify, i));
            if (!step.equals(EMPTY)) {
                steps.add(step);
            }
        }
        return steps;
    }

    EscalationRequest request() {
        String minutes = after.strip();
        String wait = minutes.matches("\\d{1,5}") ? "PT" + minutes + "M" : minutes;
        int fewerThan;
        try {
            fewerThan = Integer.parseInt(fewer.strip());
        } catch (NumberFormatException e) {
            fewerThan = 0;
        }
        return new EscalationRequest(wait, fewerThan, answered,
                new EscalationRequest.Then(list(groups), remind, call, list(users)));
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
