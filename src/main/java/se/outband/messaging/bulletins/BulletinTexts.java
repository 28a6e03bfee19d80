package se.outband.messaging.bulletins;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.FallbackAddresses;
import se.outband.messaging.outbox.MessageTexts;

/** What the outbox asks of a bulletin's deliveries: the text they carry, and who falls back to email. */
@ApplicationScoped
class BulletinTexts implements MessageTexts, FallbackAddresses {

    /** A bulletin's text never changes once sent, so it is read once; a few hundred bulletins fit many times over. */
    private static final int REMEMBERED = 1000;

    private final Map<Long, Text> texts = new ConcurrentHashMap<>();

    /** In the caller's transaction. */
    @Override
    public Text of(long bulletinId) {
        Text text = texts.get(bulletinId);
        if (text == null) {
            Bulletin bulletin = Bulletin.findById(bulletinId);
            text = new Text(bulletin.message, bulletin.smsSegments);
            if (texts.size() >= REMEMBERED) {
                texts.clear();
            }
            texts.put(bulletinId, text);
        }
        return text;
    }

    /** With sms-then-email, whoever an SMS or a call did not reach gets one email, if they have an address. */
    @Override
    public Optional<String> email(Delivery failed) {
        Bulletin bulletin = Bulletin.findById(failed.bulletinId);
        if (bulletin.channels != ChannelPolicy.SMS_THEN_EMAIL) {
            return Optional.empty();
        }
        Recipient recipient = Recipient.findById(failed.recipientId);
        return Optional.ofNullable(recipient.email);
    }
}
