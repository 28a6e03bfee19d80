package se.outband.messaging.providers.voice;

import java.util.Optional;

import se.outband.messaging.providers.SendResult;

/**
 * Starts a call that reads a bulletin to one person. Implementations: {@link TwilioCallGateway},
 * {@link DryRunCallGateway}, and {@link NoCallGateway} where no provider can call.
 */
public interface CallGateway {

    /** Where the person's phone asks what to say, and where Twilio reports how the call ended. */
    String BULLETIN_CALLS = "/webhooks/twilio/call";

    /** Where a meeting's calls ask what to say, where a dial-in's PIN is checked, and where its conference reports. */
    String MEETING_CALLS = "/webhooks/twilio/meetings";

    /** Shown wherever deliveries are listed: "twilio", "dry-run" or "none". */
    String name();

    /** Whether anyone can be called: without it, people SMS cannot reach are emailed straight away. */
    default boolean available() {
        return true;
    }

    /** Calls {@code to}; the call asks {@code BULLETIN_CALLS/<deliveryId>} what to say once answered. */
    default SendResult call(long deliveryId, String to) {
        return call(to, BULLETIN_CALLS + "/" + deliveryId, BULLETIN_CALLS + "/status");
    }

    /** Calls {@code to}; the call asks the path {@code answered} what to say once answered, and reports its end to {@code status}. */
    SendResult call(String to, String answered, String status);

    /** Hangs up everyone in a conference under way: how a leader ends a meeting. */
    SendResult endConference(String conferenceSid);

    /** Outband's own number, which people can call (the hotline, a meeting's dial-in); empty when there is none. */
    Optional<String> number();
}
