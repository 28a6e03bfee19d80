package se.outband.messaging.inbound;

/**
 * The words anyone may text Outband that are neither a reply nor a command (a status subscription's START and
 * STOPP): handled by the feature that owns them, which sits above messaging and so is asked through this port.
 */
public interface PublicWords {

    /**
     * Acts on {@code body} from {@code from} (E.164) when it is one of these words, and says whether it was.
     * {@code viaTwilio}: Twilio has already acted on its own keywords and answered them itself.
     */
    boolean receive(String from, String body, boolean viaTwilio);
}
