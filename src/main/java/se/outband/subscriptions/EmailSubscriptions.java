package se.outband.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.LinkTokens;
import se.outband.common.OutbandConfig;
import se.outband.common.ScheduledJob;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;
import se.outband.statuspage.StatusConfig;

/**
 * The public's email subscriptions, asked for on the status page's form: double opt-in (only an address whose
 * owner followed the link in the confirmation mail gets notices), ended by one click. What the form's sender
 * learns is the same whatever the address (new, waiting, confirmed or capped), so the form tells nobody who
 * subscribes. The mails go through the outbox in the caller's transaction.
 */
@ApplicationScoped
public class EmailSubscriptions {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final String ACTOR = "public via the status page";

    /** What became of a post of the form; all but the first two answer the same page. */
    public enum Requested {
        /** Not an email address: the form is shown again, which says nothing about anyone. */
        NOT_AN_ADDRESS,
        /** The client posted too often: it waits, whatever the address. */
        CLIENT_HELD_BACK,
        /** Answered as if sent: a mail went out, or it was held back for the address or its domain, or it is confirmed already. */
        ANSWERED
    }

    public enum Confirmed {
        CONFIRMED, ALREADY, EXPIRED, UNKNOWN
    }

    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final SubscriptionsConfig config;
    private final SubscribeThrottle throttle;
    private final StatusConfig status;
    private final OutbandConfig outband;

    EmailSubscriptions(Outbox outbox, AuditLog audit, Clock clock, SubscriptionsConfig config, SubscribeThrottle throttle, StatusConfig status,
            OutbandConfig outband) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.throttle = throttle;
        this.status = status;
        this.outband = outband;
    }

    @Transactional
    public Requested request(String email, String language, String client) {
        Optional<String> address = normalised(email);
        if (address.isEmpty()) {
            return Requested.NOT_AN_ADDRESS;
        }
        if (!throttle.clientMay(client)) {
            return Requested.CLIENT_HELD_BACK;
        }
        String domain = address.get().substring(address.get().lastIndexOf('@') + 1);
        Language words = Optional.ofNullable(Language.parse(language)).orElse(Language.SV);
        if (!throttle.domainMay(domain)) {
            audit.record(ACTOR, "subscription.email-held-back", "domain=" + domain + " reason=domain-rate");
            return Requested.ANSWERED;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
        EmailSubscriber subscriber = EmailSubscriber.find("email", address.get()).firstResult();
        if (subscriber != null && subscriber.confirmedAt != null) {
            // Already confirmed: nothing to send, and the page says the same as for anyone else.
            return Requested.ANSWERED;
        }
        if (subscriber == null) {
            subscriber = new EmailSubscriber();
            subscriber.email = address.get();
            subscriber.unsubscribeToken = LinkTokens.newToken();
            subscriber.createdAt = now;
        }
        if (!today.equals(subscriber.confirmationsOn)) {
            subscriber.confirmationsOn = today;
            subscriber.confirmationsSent = 0;
        }
        if (subscriber.confirmationsSent >= config.confirmationsPerDay()) {
            audit.record(ACTOR, "subscription.email-held-back", "address=%s reason=confirmations-per-day".formatted(masked(address.get())));
            return Requested.ANSWERED;
        }
        String token = LinkTokens.newToken();
        subscriber.language = words.tag();
        subscriber.confirmHash = LinkTokens.hash(token);
        subscriber.confirmUntil = now.plus(config.confirmValidFor());
        subscriber.confirmationsSent++;
        subscriber.persist();
        SubscriptionMessages messages = words.messages(SubscriptionMessages.class);
        outbox.send(Channel.EMAIL, subscriber.email, messages.confirmMail(status.organisation(), outband.link("/subscribe/confirm/" + token),
                config.confirmValidFor().toHours()), unsubscribeUrl(subscriber));
        audit.record(ACTOR, "subscription.email-requested", "address=%s language=%s".formatted(masked(address.get()), subscriber.language));
        return Requested.ANSWERED;
    }

    /** The subscriber's language whose confirmation link this is, when it is one still waiting. */
    @Transactional
    public Optional<Language> waiting(String token) {
        return byConfirmToken(token).filter(s -> s.confirmUntil.isAfter(clock.instant())).map(s -> Language.parse(s.language));
    }

    @Transactional
    public Confirmed confirm(String token) {
        EmailSubscriber subscriber = byConfirmToken(token).orElse(null);
        if (subscriber == null) {
            return Confirmed.UNKNOWN;
        }
        if (!subscriber.confirmUntil.isAfter(clock.instant())) {
            return Confirmed.EXPIRED;
        }
        subscriber.confirmedAt = clock.instant();
        subscriber.confirmHash = null;
        subscriber.confirmUntil = null;
        audit.record(ACTOR, "subscription.email-started", "address=%s language=%s".formatted(masked(subscriber.email), subscriber.language));
        return Confirmed.CONFIRMED;
    }

    /** The subscriber's language whose unsubscribe link this is, when it leads to a subscription. */
    @Transactional
    public Optional<Language> subscribed(String token) {
        return byUnsubscribeToken(token).map(s -> Language.parse(s.language));
    }

    /** Ends the subscription the link belongs to; false when it leads to none (ended already, or never). */
    @Transactional
    public boolean unsubscribe(String token) {
        EmailSubscriber subscriber = byUnsubscribeToken(token).orElse(null);
        if (subscriber == null) {
            return false;
        }
        subscriber.delete();
        audit.record(ACTOR, "subscription.email-ended", "address=" + masked(subscriber.email));
        return true;
    }

    /** Confirmed addresses: those a status change is mailed to. */
    @Transactional
    public long count() {
        return EmailSubscriber.count("confirmedAt is not null");
    }

    /** An address that never confirmed is not kept past its link's life (and a day's count, which it outlives). */
    @ScheduledJob
    @Scheduled(every = "1h", identity = "email-subscribers-unconfirmed")
    @Transactional
    void forgetUnconfirmed() {
        EmailSubscriber.delete("confirmedAt is null and confirmUntil < ?1", clock.instant().minus(java.time.Duration.ofDays(1)));
    }

    String unsubscribeUrl(EmailSubscriber subscriber) {
        return outband.link("/subscribe/stop/" + subscriber.unsubscribeToken);
    }

    private static Optional<EmailSubscriber> byConfirmToken(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return EmailSubscriber.find("confirmHash", LinkTokens.hash(token)).firstResultOptional();
    }

    private static Optional<EmailSubscriber> byUnsubscribeToken(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return EmailSubscriber.find("unsubscribeToken", token).firstResultOptional();
    }

    /** The address in lower case, when it is one a mail can be sent to; the form's field is bounded by it too. */
    static Optional<String> normalised(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            int at = address.lastIndexOf('@');
            if (!address.equals(parsed.getAddress()) || at < 1 || address.indexOf('.', at) < 0 || address.endsWith(".")) {
                return Optional.empty();
            }
            return Optional.of(address);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    /** Enough of an address for an audit entry to tell two apart, not enough to mail it. */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }
}
