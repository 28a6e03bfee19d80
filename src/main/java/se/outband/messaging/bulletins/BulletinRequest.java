package se.outband.messaging.bulletins;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/bulletins. Its shape is bounded here, so a request of millions of ids or
 * options is refused before any of them is looked at; what the values mean is the service's to check.
 */
public record BulletinRequest(
        @Size(max = MAX_TEXT, message = "{bulletin.text.too-long}")
        String text,
        @Size(max = MAX_GROUPS, message = "{bulletin.groups.too-many}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_CHOICE, message = "{bulletin.chosen.too-long}") String> groups,
        @Size(max = MAX_PEOPLE, message = "{bulletin.people.too-many}")
        List<@NotNull(message = "{request.missing-value}") @Size(max = MAX_CHOICE, message = "{bulletin.chosen.too-long}") String> contactIds,
        @Size(max = MAX_CHOICE, message = "{request.text.too-long}")
        String channels,
        boolean drill,
        @Size(max = MAX_OPTIONS, message = "{bulletin.reply-options.too-many}")
        List<@Size(max = MAX_CHOICE, message = "{request.text.too-long}") String> replyOptions,
        boolean statusUpdate,
        /** When to send it; null for now. */
        OffsetDateTime sendAt,
        /** Steps that go further when too few answer in time; empty for none. */
        @Size(max = 50, message = "{bulletin.escalation.too-many}")
        List<@NotNull(message = "{request.missing-value}") @Valid EscalationRequest> escalation) {

    /** Twilio's limit for one message body, checked on the text and again on what is sent. */
    static final int MAX_TEXT = 1600;
    /** Chosen one by one; more people than this are a group. */
    static final int MAX_PEOPLE = 5000;
    static final int MAX_GROUPS = 500;
    static final int MAX_OPTIONS = 9;
    /** A group name or a contact id: both are far shorter. */
    static final int MAX_CHOICE = 200;

    public BulletinRequest(String text, List<String> groups, List<String> contactIds, String channels, boolean drill,
            List<String> replyOptions, boolean statusUpdate) {
        this(text, groups, contactIds, channels, drill, replyOptions, statusUpdate, null, null);
    }

    /** The same request, to be sent now. */
    BulletinRequest now() {
        return new BulletinRequest(text, groups, contactIds, channels, drill, replyOptions, statusUpdate, null, escalation);
    }

    public BulletinRequest {
        groups = groups == null ? List.of() : groups;
        contactIds = contactIds == null ? List.of() : contactIds;
        replyOptions = replyOptions == null ? List.of() : replyOptions;
        escalation = escalation == null ? List.of() : escalation;
    }
}
