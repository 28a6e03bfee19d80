package se.outband.subscriptions;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;
import se.outband.messaging.providers.sms.SmsConfig;

/**
 * Queues each stored notice's SMS to the subscribers in the outbox, a batch per transaction, so a notice to
 * thousands never holds one long transaction and the outbox paces the sending. Staff bulletins go first: the
 * outbox sends oldest first, so a batch is queued only while no bulletin's SMS waits, and only as many as the
 * provider's rate sends in about a second; a bulletin arriving meanwhile waits behind those few, not behind
 * thousands. A batch moves the notice's
 * {@code queuedThrough} by a conditional update before it queues anything: on several instances the one
 * whose update counts queues the batch, the others queue nothing, so each subscriber gets each notice once.
 * A crash loses at most a batch's uncommitted work, which the next run does again. {@link NoticePacing} says which
 * notice is next, and when.
 */
@ApplicationScoped
class NoticeFanOut {

    static final int MOST_WAITING = 500;
    static final int FEWEST_WAITING = 10;
    /** How many seconds of sending may wait in the outbox ahead of a bulletin that arrives. */
    static final int SECONDS_AHEAD = 1;

    private final Outbox outbox;
    private final Clock clock;
    private final NoticePacing pacing;
    /** Subscribers' SMS the outbox holds at most: about a second of the provider's rate. */
    private final int mostWaiting;

    NoticeFanOut(Outbox outbox, Clock clock, SmsConfig sms, NoticePacing pacing) {
        this.outbox = outbox;
        this.pacing = pacing;
        this.clock = clock;
        this.mostWaiting = (int) Math.max(FEWEST_WAITING, Math.min(MOST_WAITING, Math.ceil(sms.ratePerSecond() * SECONDS_AHEAD)));
    }

    @ScheduledJob
    @Scheduled(every = "1s", identity = "subscriber-notices", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        fanOut();
    }

    /** One run, as the schedule starts it on each instance: apart from it, so a test can be two instances at once. */
    void fanOut() {
        FanOutLoop.run(pacing, NoticePacing.Lane.SMS, outbox, Channel.SMS, mostWaiting, this::batch);
    }

    /** Queues the next batch of the notice. */
    private FanOutLoop.Step batch(long noticeId, int size) {
        SubscriberNotice notice = SubscriberNotice.findById(noticeId);
        if (notice == null || notice.done) {
            return FanOutLoop.Step.DONE;
        }
        List<SmsSubscriber> batch = SmsSubscriber.<SmsSubscriber>find("id > ?1 and subscribedAt <= ?2", Sort.by("id"),
                notice.queuedThrough, notice.createdAt).page(Page.ofSize(size)).list();
        long through = batch.isEmpty() ? notice.queuedThrough : batch.get(batch.size() - 1).id;
        boolean done = batch.size() < size;
        if (SubscriberNotice.update("queuedThrough = ?1, done = ?2, smsDoneAt = ?5 where id = ?3 and queuedThrough = ?4 and done = false",
                through, done, noticeId, notice.queuedThrough, done ? clock.instant() : null) == 0) {
            return FanOutLoop.Step.TAKEN;
        }
        for (SmsSubscriber subscriber : batch) {
            outbox.send(Channel.SMS, subscriber.mobile, "en".equals(subscriber.language) ? notice.textEn : notice.textSv);
        }
        if (!batch.isEmpty()) {
            SmsSubscriber.update("lastSentAt = ?1 where id in ?2", clock.instant(), batch.stream().map(s -> s.id).toList());
        }
        return done ? FanOutLoop.Step.DONE : FanOutLoop.Step.MORE;
    }
}
