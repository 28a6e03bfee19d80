package se.outband.messaging.meetings;

import se.outband.messaging.providers.voice.CallGateway;

/** Where Twilio asks about a meeting's calls: given with each call and in the TwiML, answered by inbound's webhooks. */
public final class MeetingPaths {

    private MeetingPaths() {
    }

    /** An invited person's call: what it says; {@code /keypad} their key; {@code /status} how it ended. */
    public static String person(long personId) {
        return CallGateway.MEETING_CALLS + "/people/" + personId;
    }

    /** The conference's reports of who joins and leaves, and of its end. */
    public static String conference(long meetingId) {
        return CallGateway.MEETING_CALLS + "/" + meetingId + "/conference";
    }

    /** A dial-in's {@code attempt}th PIN. */
    public static String pin(int attempt) {
        return CallGateway.MEETING_CALLS + "/pin/" + attempt;
    }
}
