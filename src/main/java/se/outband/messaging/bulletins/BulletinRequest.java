package se.outband.messaging.bulletins;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/bulletins. Its shape is bounded here, so a request of millions of ids or
 * options is refused before any of them is looked at; what the values mean is the service's to check.
 */
public record BulletinRequest(
        @Size(max = BulletinService.MAX_TEXT, message = "{bulletin.text.too-long}")
        String text,
        @Size(max = BulletinService.MAX_GROUPS, message = "{bulletin.groups.too-many}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_CHOICE, message = "{bulletin.chosen.too-long}") String> groups,
        @Size(max = BulletinService.MAX_PEOPLE, message = "{bulletin.people.too-many}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_CHOICE, message = "{bulletin.chosen.too-long}") String> contactIds,
        @Size(max = MAX_CHOICE, message = "{request.text.too-long}")
        String channels,
        boolean drill,
        @Size(max = BulletinService.MAX_OPTIONS, message = "{bulletin.reply-options.too-many}")
        List<@Size(max = MAX_CHOICE, message = "{request.text.too-long}") String> replyOptions,
        boolean statusUpdate) {

    /** A group name or a contact id: both are far shorter. */
    static final int MAX_CHOICE = 200;

    public BulletinRequest {
        groups = groups == null ? List.of() : groups;
        contactIds = contactIds == null ? List.of() : contactIds;
        replyOptions = replyOptions == null ? List.of() : replyOptions;
    }
}
