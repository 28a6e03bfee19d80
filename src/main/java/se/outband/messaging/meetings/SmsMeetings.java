package se.outband.messaging.meetings;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** A leader's MÖTE by SMS: the same meeting, with the same limits, as from the web or the API (never a drill). */
@ApplicationScoped
public class SmsMeetings {

    private final Meetings meetings;

    SmsMeetings(Meetings meetings) {
        this.meetings = meetings;
    }

    /** How many a meeting of {@code groups} would call together; refused as the API would be, and nothing is sent. */
    public int invitees(List<String> groups) {
        return meetings.invitees(new MeetingRequest(groups, List.of(), false));
    }

    /** Calls the meeting of {@code groups}; its id. */
    public long call(List<String> groups, String by) {
        MeetingRequest request = new MeetingRequest(groups, List.of(), false);
        // Refused here, before the meeting's transaction joins the command's, which a refusal inside would doom.
        meetings.invitees(request);
        return meetings.call(request, by).id();
    }
}
