package se.outband.subscriptions;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;

/**
 * Queues each stored notice's SMS to the subscribers in the outbox, a batch per transaction, so a notice to
 * thousands never holds one long transaction and the outbox paces the sending. A batch moves the notice's
 * {@code queuedThrough} by a conditional update before it queues anything: on several instances the one
 * whose update counts queues the batch, the others queue nothing, so each subscriber gets each notice once.
 * A crash loses at most a batch's uncommitted work, which the next run does again.
 */
@ApplicationScoped
class NoticeFanOut {

    static final int BATCH = 500;

    private final Outbox outbox;
    private final Clock clock;

    NoticeFanOut(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    private enum Step {
        MORE, DONE, TAKEN
    }

    @ScheduledJob
    @Scheduled(every = "1s", identity = "subscriber-notices", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Long next;
        while ((next = QuarkusTransaction.requiringNew().call(NoticeFanOut::oldestWaiting)) != null) {
            long id = next;
            Step step;
            do {
                step = QuarkusTransaction.requiringNew().call(() -> batch(id));
            } while (step == Step.MORE);
            if (step == Step.TAKEN) {
                // Another instance is queuing it: leave it to that one rather than race it batch by batch.
                return;
            }
        }
    }

    private static Long oldestWaiting() {
        SubscriberNotice notice = SubscriberNotice.<SubscriberNotice>find("done = false", Sort.by("id")).firstResult();
        return notice == null ? null : notice.id;
    }

    /** Queues the next batch of the notice. */
    private Step batch(long noticeId) {
        SubscriberNotice notice = SubscriberNotice.findById(noticeId);
        if (notice == null || notice.done) {
            return Step.DONE;
        }
        List<SmsSubscriber> batch = SmsSubscriber.<SmsSubscriber>find("id > ?1 and subscribedAt <= ?2", Sort.by("id"),
                notice.queuedThrough, notice.createdAt).page(Page.ofSize(BATCH)).list();
        long through = batch.isEmpty() ? notice.queuedThrough : batch.get(batch.size() - 1).id;
        boolean done = batch.size() < BATCH;
        if (SubscriberNotice.update("queuedThrough = ?1, done = ?2 where id = ?3 and queuedThrough = ?4 and done = false", through, done,
                noticeId, notice.queuedThrough) == 0) {
            return Step.TAKEN;
        }
        for (SmsSubscriber subscriber : batch) {
            outbox.send(Channel.SMS, subscriber.mobile, "en".equals(subscriber.language) ? notice.textEn : notice.textSv);
        }
        if (!batch.isEmpty()) {
            SmsSubscriber.update("lastSentAt = ?1 where id in ?2", clock.instant(), batch.stream().map(s -> s.id).toList());
        }
        return done ? Step.DONE : Step.MORE;
    }
}
