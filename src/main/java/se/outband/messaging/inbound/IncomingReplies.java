package se.outband.messaging.inbound;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import se.outband.messaging.bulletins.Bulletin;
import se.outband.messaging.bulletins.Recipient;
import se.outband.messaging.bulletins.Replies;
import se.outband.messaging.bulletins.Reply;
import se.outband.messaging.outbox.Delivery;

/** Answers that arrive from recipients, by SMS or on a call's keypad, matched to the bulletin they answer. */
@ApplicationScoped
public class IncomingReplies {

    private static final Logger LOG = Logger.getLogger(IncomingReplies.class);

    private final Clock clock;
    private final Replies replies;

    IncomingReplies(Clock clock, Replies replies) {
        this.clock = clock;
        this.replies = replies;
    }

    /**
     * An SMS from a recipient: it answers the newest bulletin with reply options sent to that number
     * in the last 72 hours. Anything else (unknown numbers, no question asked) is logged, not stored.
     * {@link InboundSms} hands each message over once, however often the provider delivers it.
     */
    @Transactional
    public void receive(String from, String body, String messageSid) {
        List<Object[]> match = awaiting(from);
        if (match.isEmpty()) {
            LOG.infof("SMS %s from %s matches no bulletin awaiting replies; not stored", messageSid, masked(from));
            return;
        }
        replies.record((Recipient) match.get(0)[0], (Bulletin) match.get(0)[1], from, body, messageSid, false);
    }

    /** Whether a bulletin waits for an answer from this number: then what it sends is a reply, not a command. */
    @Transactional
    public boolean awaited(String from) {
        return !awaiting(from).isEmpty();
    }

    private List<Object[]> awaiting(String from) {
        return Reply.getEntityManager().createQuery("select r, b from Recipient r, Bulletin b"
                + " where b.id = r.bulletinId and r.mobile = ?1 and b.replyOptions is not null and b.createdAt >= ?2"
                + " order by b.createdAt desc, b.id desc", Object[].class)
                .setParameter(1, from).setParameter(2, clock.instant().minus(Replies.WINDOW)).setMaxResults(1).getResultList();
    }

    /**
     * A key pressed during a call that read a bulletin: the option with that number, stored as the
     * person's reply (once per call). Empty when the key means no option, so the call can ask again.
     */
    @Transactional
    public Optional<String> byKeypad(long deliveryId, String digits, String callSid) {
        return Delivery.call(deliveryId).map(call -> {
            Bulletin bulletin = Bulletin.findById(call.bulletinId);
            String answer = Replies.answer(digits, bulletin.replyOptionList());
            if (answer != null && Reply.count("messageSid", callSid) == 0) {
                replies.record(Recipient.findById(call.recipientId), bulletin, call.address, digits, callSid, false);
            }
            return answer;
        });
    }

    private static String masked(String number) {
        return number == null || number.length() < 6 ? "?" : number.substring(0, number.length() - 4) + "****";
    }
}
