package se.outband.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;

/**
 * The loop the SMS and the mail fan-outs share: notice after notice as {@link NoticePacing} hands them over, a batch
 * of subscribers at a time, each in a transaction of its own, and only while no staff bulletin waits in the outbox
 * on that channel and the subscribers' own messages there leave room.
 */
final class FanOutLoop {

    /** What a batch did: more to queue, the notice done, or another instance queuing it. */
    enum Step {
        MORE, DONE, TAKEN
    }

    /** Queues the next {@code size} subscribers of a notice, in the caller's transaction. */
    @FunctionalInterface
    interface Batch {
        Step queue(long noticeId, int size);
    }

    private FanOutLoop() {
    }

    static void run(NoticePacing pacing, NoticePacing.Lane lane, Outbox outbox, Channel channel, int mostWaiting, Batch batch) {
        Long next;
        while ((next = pacing.next(lane)) != null) {
            long id = next;
            Step step;
            do {
                Outbox.Waiting waiting = outbox.waiting(channel);
                int room = mostWaiting - (int) Math.min(mostWaiting, waiting.own());
                if (waiting.bulletins() > 0 || room == 0) {
                    // The next run goes on, once the bulletin's messages or those queued before have gone out.
                    return;
                }
                step = QuarkusTransaction.requiringNew().call(() -> batch.queue(id, room));
            } while (step == Step.MORE);
            if (step == Step.TAKEN) {
                // Another instance is queuing it: leave it to that one rather than race it batch by batch.
                return;
            }
        }
    }
}
