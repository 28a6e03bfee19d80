package se.outband.messaging.inbound;

import java.util.List;

/**
 * A leader's {@code MÖTE <grupp>} by SMS, asked here and answered by the meetings feature, so that the
 * SMS commands need nothing from the feature above them. Both refuse ({@code Refused}) as the API does.
 */
public interface MeetingCommands {

    /** How many people a meeting of {@code groups} would call together; nothing is sent. */
    int invitees(List<String> groups);

    /** Calls the meeting of {@code groups}; its id. */
    long call(List<String> groups, String by);
}
