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
        if (!posted.tellSubscribers() || SmsSubscriber.count() == 0) {
            return;
        }
        SubscriberNotice notice = new SubscriberNotice();
        notice.updateId = posted.updateId();
        notice.textSv = text(posted, Language.SV);
        notice.textEn = text(posted, Language.EN);
        notice.createdAt = clock.instant();
        notice.queuedThrough = 0;
        notice.done = false;
        notice.persist();
    }

    /** The notice in one language: what happened, the leader's words, the page's address; one SMS where it fits. */
    String text(IncidentPosted posted, Language language) {
        SubscriptionMessages messages = language.messages(SubscriptionMessages.class);
        boolean english = language == Language.EN;
        String title = english && posted.titleEn() != null ? posted.titleEn() : posted.title();
        String text = english && posted.textEn() != null ? posted.textEn() : posted.text();
        String org = config.organisation();
        String head = switch (posted.kind()) {
            case OPENED -> messages.opened(org, title);
            case RESOLVED -> messages.resolved(org, title);
            case UPDATED -> messages.updated(org, title, language.messages(StatusPageMessages.class).incidentState(posted.state().value()));
        };
        return OneSms.fit(head + " " + text, address.url());
    }
}
