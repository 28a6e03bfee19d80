package se.outband.messaging.inbound;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import se.outband.messaging.providers.sms.SmsProvider;

/**
 * An SMS to Outband's number, from whichever provider it came: a subscription word from anyone (confirmed
 * through the outbox), a leader's command (answered by an SMS to the leader's registered number), or a
 * reply to a bulletin (counted). Outband never texts staff back by itself otherwise: every SMS costs, and
 * a loop must be impossible.
 */
@ApplicationScoped
public class InboundSms {

    private static final Logger LOG = Logger.getLogger(InboundSms.class);
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,16}");

    private final SmsCommands commands;
    private final IncomingReplies replies;
    private final ReceivedMessages received;
    private final PublicWords publicWords;

    InboundSms(SmsCommands commands, IncomingReplies replies, ReceivedMessages received, PublicWords publicWords) {
        this.publicWords = publicWords;
        this.commands = commands;
        this.replies = replies;
        this.received = received;
    }

    /**
     * Handles the SMS {@code provider} knows as {@code messageId}. A message the provider delivers again is
     * not handled again: the first delivery was.
     */
    public void receive(SmsProvider provider, String from, String body, String messageId) {
        if (from == null || !NUMBER.matcher(from).matches()) {
            LOG.infof("SMS %s from a sender that is not a phone number ignored", messageId);
            return;
        }
        if (!received.first(provider.configValue(), messageId)) {
            LOG.infof("SMS %s from %s delivered again; handled once already", messageId, provider.configValue());
            return;
        }
        try {
            String text = body == null ? "" : body;
            // One of the public's words alone, whoever sends it; a JA or NEJ to a bulletin is none of them.
            if (publicWords.receive(from, text, provider == SmsProvider.TWILIO)) {
                return;
            }
            if (!commands.obey(from, text)) {
                replies.receive(from, text, messageId);
            }
        } catch (RuntimeException e) {
            // Nothing of it was stored: the provider's next delivery of it is handled.
            received.forget(provider.configValue(), messageId);
            throw e;
        }
    }
}
