package se.outband.subscriptions;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import se.outband.common.Language;
import se.outband.statuspage.IncidentPosted;
import se.outband.statuspage.StatusConfig;
import se.outband.statuspage.StatusPageAddress;
import se.outband.statuspage.StatusPageMessages;

/**
 * Turns an incident's change into one notice for the subscribers, stored in the change's own transaction:
 * one small row, so publishing waits for nobody, and a crash before the fan-out loses nothing
 * ({@link NoticeFanOut} queues the SMS).
 */
@ApplicationScoped
class SubscriberNotices {

    private final Clock clock;
    private final StatusConfig config;
    private final StatusPageAddress address;

    SubscriberNotices(Clock clock, StatusConfig config, StatusPageAddress address) {
        this.clock = clock;
        this.config = config;
        this.address = address;
    }

    void onPosted(@Observes IncidentPosted posted) {
        boolean sms = SmsSubscriber.count() > 0;
        boolean mail = EmailSubscriber.count("confirmedAt is not null") > 0;
        if (!posted.tellSubscribers() || !sms && !mail) {
            return;
        }
        SubscriberNotice notice = new SubscriberNotice();
        notice.updateId = posted.updateId();
        notice.textSv = text(posted, Language.SV);
        notice.textEn = text(posted, Language.EN);
        notice.createdAt = clock.instant();
        notice.queuedThrough = 0;
        notice.done = !sms;
        notice.mailSv = mail(posted, Language.SV);
        notice.mailEn = mail(posted, Language.EN);
        notice.mailQueuedThrough = 0;
        notice.mailDone = !mail;
        notice.persist();
    }

    /** The notice as an email: what happened as its subject line, then the leader's words, whole. */
    String mail(IncidentPosted posted, Language language) {
        boolean english = language == Language.EN;
        String text = english && posted.textEn() != null ? posted.textEn() : posted.text();
        return head(posted, language) + "\n\n" + text;
    }

    /** The notice in one language: what happened, the leader's words, the page's address; one SMS where it fits. */
    String text(IncidentPosted posted, Language language) {
        boolean english = language == Language.EN;
        String text = english && posted.textEn() != null ? posted.textEn() : posted.text();
        return OneSms.fit(head(posted, language) + " " + text, address.url());
    }

    private String head(IncidentPosted posted, Language language) {
        SubscriptionMessages messages = language.messages(SubscriptionMessages.class);
        String title = language == Language.EN && posted.titleEn() != null ? posted.titleEn() : posted.title();
        String org = config.organisation();
        return switch (posted.kind()) {
            case OPENED -> messages.opened(org, title);
            case RESOLVED -> messages.resolved(org, title);
            case UPDATED -> messages.updated(org, title, language.messages(StatusPageMessages.class).incidentState(posted.state().value()));
        };
    }
}
