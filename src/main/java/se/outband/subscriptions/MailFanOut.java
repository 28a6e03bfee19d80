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

/**
 * Queues each stored notice's mail to the confirmed email subscribers, as {@link NoticeFanOut} does the SMS:
 * a batch per transaction, only while no bulletin's email waits (staff first), each batch claimed by a
 * conditional update of the notice's {@code mailQueuedThrough} so that on several instances each subscriber
 * gets each notice once. Every mail carries the subscriber's one-click unsubscribe link.
 */
@ApplicationScoped
class MailFanOut {

    /** Mails the outbox holds for subscribers at most, ahead of a bulletin that arrives. */
    static final int MOST_WAITING = 200;

    private final Outbox outbox;
    private final Clock clock;
    private final EmailSubscriptions subscriptions;
    private final NoticePacing pacing;

    MailFanOut(Outbox outbox, Clock clock, EmailSubscriptions subscriptions, NoticePacing pacing) {
        this.pacing = pacing;
        this.outbox = outbox;
        this.clock = clock;
        this.subscriptions = subscriptions;
    }

    @ScheduledJob
    @Scheduled(every = "1s", identity = "subscriber-mails", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        fanOut();
    }

    /** One run, as the schedule starts it on each instance: apart from it, so a test can be two instances at once. */
    void fanOut() {
        FanOutLoop.run(pacing, NoticePacing.Lane.MAIL, outbox, Channel.EMAIL, MOST_WAITING, this::batch);
    }

    private FanOutLoop.Step batch(long noticeId, int size) {
        SubscriberNotice notice = SubscriberNotice.findById(noticeId);
        if (notice == null || notice.mailDone) {
            return FanOutLoop.Step.DONE;
        }
        // Confirmed before the change: who confirms later reads it on the page they subscribed from.
        List<EmailSubscriber> batch = EmailSubscriber.<EmailSubscriber>find("id > ?1 and confirmedAt <= ?2", Sort.by("id"),
                notice.mailQueuedThrough, notice.createdAt).page(Page.ofSize(size)).list();
        long through = batch.isEmpty() ? notice.mailQueuedThrough : batch.get(batch.size() - 1).id;
        boolean done = batch.size() < size;
        if (SubscriberNotice.update("mailQueuedThrough = ?1, mailDone = ?2, mailDoneAt = ?5 where id = ?3 and mailQueuedThrough = ?4"
                + " and mailDone = false", through, done, noticeId, notice.mailQueuedThrough, done ? clock.instant() : null) == 0) {
            return FanOutLoop.Step.TAKEN;
        }
        for (EmailSubscriber subscriber : batch) {
            outbox.send(Channel.EMAIL, subscriber.email, "en".equals(subscriber.language) ? notice.mailEn : notice.mailSv,
                    subscriptions.unsubscribeUrl(subscriber));
        }
        if (!batch.isEmpty()) {
            EmailSubscriber.update("lastSentAt = ?1 where id in ?2", clock.instant(), batch.stream().map(s -> s.id).toList());
        }
        return done ? FanOutLoop.Step.DONE : FanOutLoop.Step.MORE;
    }
}
