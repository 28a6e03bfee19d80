package se.outband.meetings;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.messaging.inbound.MeetingCommands;

/** A leader's MÖTE by SMS: the same meeting, with the same limits, as from the web or the API (never a drill). */
@ApplicationScoped
class SmsMeetings implements MeetingCommands {

    private final Meetings meetings;

    SmsMeetings(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public int invitees(List<String> groups) {
        return meetings.invitees(new MeetingRequest(groups, List.of(), false));
    }

    @Override
    public long call(List<String> groups, String by) {
        MeetingRequest request = new MeetingRequest(groups, List.of(), false);
        // Refused here, before the meeting's transaction joins the command's, which a refusal inside would doom.
        meetings.invitees(request);
        return meetings.call(request, by).id();
    }
}
