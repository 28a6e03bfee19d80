package se.outband.messaging.meetings;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/meetings and of adding people to one: groups and people by contact id. Bounded
 * here, before any name is looked up; a meeting itself takes at most {@link Meetings#MAX_PEOPLE}.
 */
public record MeetingRequest(
        @Size(max = MAX_CHOSEN, message = "{request.list.too-long}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_NAME, message = "{request.text.too-long}") String> groups,
        @Size(max = MAX_CHOSEN, message = "{request.list.too-long}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_NAME, message = "{request.text.too-long}") String> contactIds,
        Boolean drill) {

    static final int MAX_CHOSEN = 50;
    static final int MAX_NAME = 200;

    public MeetingRequest {
        // A missing value stays null here, for the @NotNull above to name it.
        groups = groups == null ? List.of() : groups.stream().map(g -> g == null ? null : g.strip()).distinct().toList();
        contactIds = contactIds == null ? List.of() : contactIds.stream().map(c -> c == null ? null : c.strip()).distinct().toList();
    }

    boolean isDrill() {
        return Boolean.TRUE.equals(drill);
    }

    /** What was chosen, for the meeting's row and the audit log. */
    String describe() {
        return "groups=" + String.join(",", groups) + " contacts=" + String.join(",", contactIds);
    }
}
