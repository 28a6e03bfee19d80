package se.outband.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import se.outband.common.Text;

/**
 * Which notice a fan-out queues next, so that no subscriber gets two messages on a channel closer than
 * {@code outband.subscriptions.least-between}: a notice going out is finished; the next one starts only once that
 * time has passed since the last was all queued (each subscriber got it by then), and notices that came meanwhile
 * are merged into the newest. An SMS then says the newest (it is the state now, and the page has the rest); a mail
 * holds them all, newest first. The merge is a conditional update: on several instances one of them does it.
 */
@ApplicationScoped
class NoticePacing {

    /** The columns of one channel's progress through the notices. */
    enum Lane {
        SMS("done", "queuedThrough", "smsDoneAt"), MAIL("mailDone", "mailQueuedThrough", "mailDoneAt");

        final String done;
        final String through;
        final String doneAt;

        Lane(String done, String through, String doneAt) {
            this.done = done;
            this.through = through;
            this.doneAt = doneAt;
        }
    }

    /** What a merged mail may hold: a delivery's body. */
    static final int LONGEST_MAIL = 4600;
    private static final String BETWEEN_MERGED = "\n\n---\n\n";

    private final Clock clock;
    private final Duration leastBetween;

    NoticePacing(Clock clock, SubscriptionsConfig config) {
        this.clock = clock;
        this.leastBetween = config.leastBetween();
    }

    /** The id of the notice to queue next on {@code lane}, or null when none is due yet. */
    Long next(Lane lane) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<SubscriberNotice> waiting = SubscriberNotice.<SubscriberNotice>find(lane.done + " = false", Sort.by("id")).list();
            if (waiting.isEmpty()) {
                return null;
            }
            SubscriberNotice oldest = waiting.get(0);
            if (through(oldest, lane) > 0) {
                return oldest.id;
            }
            Instant last = SubscriberNotice.getEntityManager()
                    .createQuery("select max(n." + lane.doneAt + ") from SubscriberNotice n", Instant.class).getSingleResult();
            if (last != null && clock.instant().isBefore(last.plus(leastBetween))) {
                return null;
            }
            SubscriberNotice newest = waiting.get(waiting.size() - 1);
            List<SubscriberNotice> older = waiting.subList(0, waiting.size() - 1);
            if (!older.isEmpty()) {
                int merged = SubscriberNotice.update(lane.done + " = true where id in ?1 and " + lane.done + " = false and " + lane.through
                        + " = 0", older.stream().map(n -> n.id).toList());
                if (merged != older.size()) {
                    // Another instance merged or started some of them meanwhile: its work stands, this one's is undone.
                    QuarkusTransaction.setRollbackOnly();
                    return null;
                }
                if (lane == Lane.MAIL) {
                    // A statement of its own, not the loaded row: flushing the whole row would write back the SMS lane's
                    // columns as they were when read, undoing its progress meanwhile and sending the SMS again.
                    SubscriberNotice.update("mailSv = ?1, mailEn = ?2 where id = ?3",
                            merged(newest.mailSv, older.stream().map(n -> n.mailSv).toList()),
                            merged(newest.mailEn, older.stream().map(n -> n.mailEn).toList()), newest.id);
                }
            }
            return newest.id;
        });
    }

    private static long through(SubscriberNotice notice, Lane lane) {
        return lane == Lane.SMS ? notice.queuedThrough : notice.mailQueuedThrough;
    }

    /** The newest first, then the earlier ones, newest to oldest, as far as a mail holds. */
    static String merged(String newest, List<String> older) {
        StringBuilder mail = new StringBuilder(newest);
        for (int i = older.size() - 1; i >= 0; i--) {
            mail.append(BETWEEN_MERGED).append(older.get(i));
        }
        return Text.clip(mail.toString(), LONGEST_MAIL);
    }
}
