package se.outband.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.messaging.inbound.PublicWords;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;
import se.outband.statuspage.StatusConfig;
import se.outband.statuspage.StatusPageAddress;

/**
 * Starting and ending a member of the public's SMS subscription by a word texted to Outband's number. The
 * confirmations go through the outbox, in the same transaction, so they survive a crash and are paced and
 * failed over like every other SMS.
 */
@ApplicationScoped
public class SmsSubscriptions implements PublicWords {

    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final StatusConfig config;
    private final StatusPageAddress address;
    private final UnreachableNumbers unreachable;

    SmsSubscriptions(Outbox outbox, AuditLog audit, Clock clock, StatusConfig config, StatusPageAddress address,
            UnreachableNumbers unreachable) {
        this.unreachable = unreachable;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.address = address;
    }

    /**
     * Acts on {@code body} from {@code from} (E.164) when it is a subscription word, and says whether it was
     * one: then it is neither a command nor a reply. {@code viaTwilio}: Twilio already acted on its own
     * keywords ({@link SubscriptionWord#twilioKeyword}) and answered them itself.
     */
    @Override
    @Transactional
    public boolean receive(String from, String body, boolean viaTwilio) {
        return SubscriptionWord.parse(body).map(word -> {
            if (word.subscribe()) {
                subscribe(from, word);
            } else {
                unsubscribe(from, word, viaTwilio);
            }
            return true;
        }).orElse(false);
    }

    @Transactional
    public long count() {
        return SmsSubscriber.count();
    }

    private void subscribe(String from, SubscriptionWord word) {
        Optional<Instant> unreachableSince = unreachable.since(from);
        if (unreachableSince.isPresent()) {
            // No answer: it would cost an SMS that, by the provider's word, cannot arrive.
            audit.record("public via SMS", "subscription.sms-dropped", "number=%s word=%s: reported unreachable on %s; nothing sent"
                    .formatted(masked(from), word.word(), unreachableSince.get()));
            return;
        }
        SmsSubscriber subscriber = SmsSubscriber.find("mobile", from).firstResult();
        boolean fresh = subscriber == null;
        if (fresh) {
            subscriber = new SmsSubscriber();
            subscriber.mobile = from;
            subscriber.subscribedAt = clock.instant();
        }
        subscriber.language = word.language().tag();
        subscriber.persist();
        SubscriptionMessages messages = word.language().messages(SubscriptionMessages.class);
        outbox.send(Channel.SMS, from, messages.welcome(config.organisation(), address.url(), number()));
        audit.record("public via SMS", fresh ? "subscription.sms-started" : "subscription.sms-renewed",
                "number=%s language=%s word=%s".formatted(masked(from), subscriber.language, word.word()));
    }

    private void unsubscribe(String from, SubscriptionWord word, boolean viaTwilio) {
        long removed = SmsSubscriber.delete("mobile", from);
        boolean blockedByTwilio = viaTwilio && word.twilioKeyword();
        if (blockedByTwilio) {
            // Twilio refuses every SMS to this number from now on, staff bulletins too: leaders see 21610 on
            // them with what to do, and this entry says when and why it began.
            audit.record("public via SMS", "subscription.provider-opt-out",
                    "number=%s word=%s: Twilio blocks every SMS to this number until it texts START".formatted(masked(from), word.word()));
        }
        if (removed == 0) {
            return;
        }
        if (!blockedByTwilio) {
            // After Twilio's own STOP its answer is the last confirmation; ours would be refused (21610).
            Language language = word.language();
            outbox.send(Channel.SMS, from, language.messages(SubscriptionMessages.class).goodbye(config.organisation(), number()));
        }
        audit.record("public via SMS", "subscription.sms-ended", "number=%s word=%s".formatted(masked(from), word.word()));
    }

    /** Outband's number as people dial it, for messages from a sender name nobody can answer. */
    private String number() {
        return config.contact().sms().map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
    }

    /** Enough of a number for an audit entry to tell two apart, not enough to text it. */
    static String masked(String number) {
        return number == null || number.length() < 6 ? "?" : number.substring(0, number.length() - 4) + "****";
    }
}
