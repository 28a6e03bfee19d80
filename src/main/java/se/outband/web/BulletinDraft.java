package se.outband.web;

import java.util.Arrays;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import se.outband.common.YesNo;
import se.outband.messaging.bulletins.BulletinRequest;
import se.outband.messaging.bulletins.Escalations;

/** What the bulletin form holds, echoed back on every step (search, ready text, check, change). */
public record BulletinDraft(String text, List<String> groups, List<String> people, String channels, String replyOptions, boolean drill,
        boolean statusUpdate, String sendAt, List<EscalationDraft> escalation) {

    BulletinDraft(String text, List<String> groups, List<String> people, String channels, String replyOptions, boolean drill,
            boolean statusUpdate, String sendAt) {
        this(text, groups, people, channels, replyOptions, drill, statusUpdate, sendAt, List.of());
    }

    BulletinRequest request() {
        List<String> options = replyOptions == null ? List.of()
                : Arrays.stream(replyOptions.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        return new BulletinRequest(text, groups, people, channels, drill, options, statusUpdate, SendTimes.parse(sendAt),
                escalation.stream().map(EscalationDraft::request).toList());
    }

    /** The steps filled in and, while there is room for one more, an empty one to fill in. */
    public List<EscalationDraft> escalationSlots() {
        if (escalation.size() >= Escalations.MAX_STEPS) {
            return escalation;
        }
        List<EscalationDraft> slots = new java.util.ArrayList<>(escalation);
        slots.add(EscalationDraft.EMPTY);
        return slots;
    }

    /** With a send time: stored now and sent then (PlannedSends). */
    public boolean planned() {
        return sendAt != null && !sendAt.isBlank();
    }

    public boolean chose(String group) {
        return groups.contains(group);
    }

    /** The bulletin form's fields. */
    public static class Form {
        @RestForm
        String text;
        @RestForm
        List<String> groups;
        @RestForm
        List<String> people;
        @RestForm
        String channels;
        @RestForm
        String replyOptions;
        @RestForm
        YesNo drill;
        @RestForm
        YesNo statusUpdate;
        @RestForm
        String sendAt;
        @RestForm
        List<String> stepAfter;
        @RestForm
        List<String> stepFewer;
        @RestForm
        List<String> stepAnswered;
        @RestForm
        List<String> stepGroups;
        @RestForm
        List<String> stepRemind;
        @RestForm
        List<String> stepCall;
        @RestForm
        List<String> stepNotify;
        /** The confirm page's: its form is sent once however often it arrives ({@link SubmittedOnce}). */
        @RestForm
        String once;

        BulletinDraft draft() {
            return new BulletinDraft(text == null ? "" : text, groups == null ? List.of() : groups,
                    people == null ? List.of() : people.stream().filter(p -> p != null && !p.isBlank()).distinct().toList(), channels, replyOptions,
                    YesNo.yes(drill), YesNo.yes(statusUpdate), sendAt, EscalationDraft.of(orNone(stepAfter), orNone(stepFewer),
                    orNone(stepAnswered), orNone(stepGroups), orNone(stepRemind), orNone(stepCall), orNone(stepNotify)));
        }

        private static List<String> orNone(List<String> values) {
            return values == null ? List.of() : values;
        }
    }
}
