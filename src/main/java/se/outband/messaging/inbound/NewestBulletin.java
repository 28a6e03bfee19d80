package se.outband.messaging.inbound;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.messaging.bulletins.BulletinQueries;
import se.outband.messaging.bulletins.BulletinSummary;
import se.outband.messaging.bulletins.Replies;

/** A leader's STATUS: how the newest bulletin stands, in one SMS. */
@ApplicationScoped
class NewestBulletin {

    private final BulletinQueries queries;
    private final Replies replies;

    NewestBulletin(BulletinQueries queries, Replies replies) {
        this.queries = queries;
        this.replies = replies;
    }

    CommandAnswer status() {
        List<BulletinSummary> newest = queries.list(1);
        if (newest.isEmpty()) {
            return new CommandAnswer.NoBulletins();
        }
        BulletinSummary b = newest.get(0);
        Replies.Tally tally = replies.of(b.id()).tally();
        return new CommandAnswer.Status(b.id(), b.createdAt(), b.reached(), b.recipients(), b.pending(), b.failed(), tally.answers(),
                tally.noReply());
    }
}
