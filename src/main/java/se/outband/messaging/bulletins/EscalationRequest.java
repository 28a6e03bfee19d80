package se.outband.messaging.bulletins;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of {@code "escalation"} on POST /api/bulletins: after {@code after} (ISO 8601, e.g. PT15M), if
 * fewer than {@code ifFewerThan} have answered {@code answered}, do what {@code then} says. Bounded here;
 * what the values mean is {@link Escalations}' to check.
 */
public record EscalationRequest(
        @Size(max = 40, message = "{request.text.too-long}") String after,
        int ifFewerThan,
        @Size(max = 40, message = "{request.text.too-long}") String answered,
        @Valid Then then) {

    /** What a step does: each part may be left out, but not all of them. */
    public record Then(
            @Size(max = BulletinRequest.MAX_GROUPS, message = "{bulletin.groups.too-many}")
            List<@NotNull(message = "{request.missing-value}") @Size(max = BulletinRequest.MAX_CHOICE,
                    message = "{bulletin.chosen.too-long}") String> groups,
            boolean remindUnanswered,
            boolean callUnanswered,
            /** Usernames: {@code "notify"} in JSON ({@code notify} is taken by Java). */
            @JsonProperty("notify")
            @Size(max = 50, message = "{bulletin.escalation.notify.too-many}")
            List<@NotNull(message = "{request.missing-value}") @Size(max = 100, message = "{request.text.too-long}") String> notifyUsers) {

        public Then {
            groups = groups == null ? List.of() : groups;
            notifyUsers = notifyUsers == null ? List.of() : notifyUsers;
        }
    }
}
