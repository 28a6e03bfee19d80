package se.outband.messaging.bulletins;

import java.util.List;

/** The body of POST /api/bulletins. */
public record BulletinRequest(
        String text,
        List<String> groups,
        List<String> contactIds,
        String channels,
        boolean drill,
        List<String> replyOptions,
        boolean statusUpdate) {

    public BulletinRequest {
        groups = groups == null ? List.of() : groups;
        contactIds = contactIds == null ? List.of() : contactIds;
        replyOptions = replyOptions == null ? List.of() : replyOptions;
    }
}
