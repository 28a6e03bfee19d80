package se.outband.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Stores the providers' answers for the dispatcher's senders by group commit: each sender hands in
 * its answer and waits until it is stored, while one thread stores everything handed in meanwhile
 * in one transaction. So a crash can never leave more sent-but-unrecorded messages (sent again
 * after a restart) than there are senders.
 */
@ApplicationScoped
class ResultRecorder {

    private static final Logger LOG = Logger.getLogger(ResultRecorder.class);
    private static final int RECORD_BATCH = 200;
    /** Far longer than a commit takes; a sender never waits forever on a database that hangs. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(30);

    /** A provider's answer on its way to the database; its sender waits for {@code stored}. */
    private record Pending(Outbox.Outcome outcome, CompletableFuture<Void> stored) {
    }

    private final LinkedBlockingQueue<Pending> outcomes = new LinkedBlockingQueue<>();
    private final Outbox outbox;
    private final Clock clock;
    private volatile boolean running;
    private volatile Instant beat;
    private volatile Instant lastStored;
    private Thread thread;

    ResultRecorder(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.beat = this.lastStored = clock.instant();
    }

    void start() {
        running = true;
        thread = Loops.daemon(this::run, "outband-outcome-recorder");
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Hands in an answer and returns once it is stored (or, if the database hangs, after a while). */
    void store(Outbox.Outcome outcome) {
        Pending pending = new Pending(outcome, new CompletableFuture<>());
        outcomes.add(pending);
        try {
            pending.stored().get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("The result of delivery %d was not stored in time; sending goes on", outcome.deliveryId());
        }
    }

    boolean alive() {
        return thread != null && thread.isAlive();
    }

    Instant beat() {
        return beat;
    }

    Instant lastStored() {
        return lastStored;
    }

    /**
     * Stores what providers answered, all that arrived meanwhile in one transaction (one transaction
     * per message would cap sending at what the database commits per second), then lets their senders
     * go on. An answer not yet stored when Outband dies leaves its row in SENDING, to be sent again
     * after the restart (at-least-once): at most one per sender.
     */
    private void run() {
        List<Pending> batch = new ArrayList<>(RECORD_BATCH);
        while (running || !outcomes.isEmpty()) {
            beat = clock.instant();
            try {
                Pending first = outcomes.poll(Loops.POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, RECORD_BATCH - 1);
                outbox.record(batch.stream().map(Pending::outcome).toList());
                lastStored = clock.instant();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                recordOneByOne(batch, e);
            } finally {
                batch.forEach(pending -> pending.stored().complete(null));
                batch.clear();
            }
        }
    }

    /** Stores what it can of a batch that failed as a whole; what still fails stays SENDING until a restart. */
    private void recordOneByOne(List<Pending> batch, Throwable cause) {
        Loops.survive("Could not store " + batch.size() + " send results together; storing them one by one", cause);
        for (Pending pending : batch) {
            try {
                outbox.record(List.of(pending.outcome()));
                lastStored = clock.instant();
            } catch (Throwable e) {
                Loops.survive("Could not store the result of delivery " + pending.outcome().deliveryId()
                        + "; it will be sent again after a restart", e);
            }
        }
    }
}
