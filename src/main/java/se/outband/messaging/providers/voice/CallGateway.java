package se.outband.messaging.providers.voice;

import se.outband.messaging.providers.SendResult;

/**
 * Starts a call that reads a bulletin to one person. Implementations: {@link TwilioCallGateway},
 * {@link DryRunCallGateway}, and {@link NoCallGateway} where no provider can call.
 */
public interface CallGateway {

    /** Where the person's phone asks what to say, and where Twilio reports how the call ended. */
    String BULLETIN_CALLS = "/webhooks/twilio/call";

    /** Shown wherever deliveries are listed: "twilio", "dry-run" or "none". */
    String name();

    /** Whether anyone can be called: without it, people SMS cannot reach are emailed straight away. */
    default boolean available() {
        return true;
    }

    /** Calls {@code to}; the call asks {@code BULLETIN_CALLS/<deliveryId>} what to say once answered. */
    SendResult call(long deliveryId, String to);
}
