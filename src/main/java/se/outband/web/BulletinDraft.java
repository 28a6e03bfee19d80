package se.outband.web;

import java.util.Arrays;
import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import se.outband.common.YesNo;
import se.outband.messaging.bulletins.BulletinRequest;

/** What the bulletin form holds, echoed back on every step (search, ready text, check, change). */
public record BulletinDraft(String text, List<String> groups, List<String> people, String channels, String replyOptions, boolean drill,
        boolean statusUpdate, String sendAt) {

    BulletinRequest request() {
        List<String> options = replyOptions == null ? List.of()
                : Arrays.stream(replyOptions.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        return new BulletinRequest(text, groups, people, channels, drill, options, statusUpdate, SendTimes.parse(sendAt), null);
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

        BulletinDraft draft() {
            return new BulletinDraft(text == null ? "" : text, groups == null ? List.of() : groups,
                    people == null ? List.of() : people.stream().filter(p -> p != null && !p.isBlank()).distinct().toList(), channels, replyOptions,
                    YesNo.yes(drill), YesNo.yes(statusUpdate), sendAt);
        }
    }
}
