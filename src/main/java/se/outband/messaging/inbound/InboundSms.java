package se.outband.messaging.inbound;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * An SMS to Outband's number, from whichever provider it came: a leader's command (answered), or a
 * reply to a bulletin (counted). Outband never texts staff back by itself: every SMS costs, and a
 * loop must be impossible.
 */
@ApplicationScoped
public class InboundSms {

    private static final Logger LOG = Logger.getLogger(InboundSms.class);
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,16}");

    private final SmsCommands commands;
    private final IncomingReplies replies;

    InboundSms(SmsCommands commands, IncomingReplies replies) {
        this.commands = commands;
        this.replies = replies;
    }

    /** What to text back to {@code from}, if anything; {@code messageId} is the provider's id of the SMS. */
    public Optional<CommandAnswer> receive(String from, String body, String messageId) {
        if (from == null || !NUMBER.matcher(from).matches()) {
            LOG.infof("SMS %s from a sender that is not a phone number ignored", messageId);
            return Optional.empty();
        }
        String text = body == null ? "" : body;
        Optional<CommandAnswer> answer = commands.answer(from, text);
        if (answer.isEmpty()) {
            replies.receive(from, text, messageId);
        }
        return answer;
    }
}
