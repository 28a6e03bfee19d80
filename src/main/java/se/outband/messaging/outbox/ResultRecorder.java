package se.outband.messaging.outbox;

import java.time.Clock;
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
    /**
     * How long an answer may wait for others before its batch is stored. A commit costs more than its rows: H2 writes
     * every changed page of the table and of each index at every commit, PostgreSQL flushes its log. Storing only what
     * came in during the last commit made batches of a few rows, a commit every few milliseconds. The wait is short
     * because a sender waits with it: where the provider's concurrency and not its rate limits a send, every
     * millisecond here is a millisecond longer per message (10 ms cost 15 % at 25 senders and a 50 ms provider).
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** A provider's answer on its way to the database; its sender waits for {@code stored}. */
    private record Pending(Outbox.Outcome outcome, CompletableFuture<Void> stored, long handedIn) {
    }

    private final LinkedBlockingQueue<Pending> outcomes = new LinkedBlockingQueue<>();
    private final Outbox outbox;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean abandoned;
    private volatile Instant beat;
    private volatile Instant lastStored;
    /** When storing began to fail, while it does: one line in the log per outage, not one per attempt. */
    private Instant failingSince;
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

    /** Stores what is left, for a few seconds: a database that is away then keeps it (sent again, at-least-once). */
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            abandoned = true;
        }
    }

    /**
     * Hands in an answer and returns once it is stored. While the database cannot take it (a failover to a
     * standby, a restart), the sender waits rather than send more messages whose answers could not be
     * stored either and would be sent again; it stops waiting only when Outband stops.
     */
    void store(Outbox.Outcome outcome) {
        Pending pending = new Pending(outcome, new CompletableFuture<>(), System.nanoTime());
        outcomes.add(pending);
        while (!pending.stored().isDone()) {
            try {
                pending.stored().get(Loops.POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (abandoned) {
                    LOG.warnf("The result of delivery %d was not stored before Outband stopped; it is sent again", outcome.deliveryId());
                    return;
                }
            }
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
     * go on. What the database cannot take now is kept and tried again until it can: the senders wait
     * meanwhile, so at most one answer per sender is unstored when Outband dies, and its row, still
     * SENDING, is sent again (at-least-once).
     */
    private void run() {
        List<Pending> batch = new ArrayList<>(RECORD_BATCH);
        while (!abandoned && (running || !outcomes.isEmpty() || !batch.isEmpty())) {
            beat = clock.instant();
            try {
                if (batch.isEmpty()) {
                    Pending first = outcomes.poll(Loops.POLL.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                gather(batch);
                outbox.record(batch.stream().map(Pending::outcome).toList());
                stored(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                recordOneByOne(batch, e);
            }
        }
    }

    /** Adds what comes in until the batch is full or its oldest answer has waited {@link #GATHER_NANOS}; at a stop, only what is there. */
    private void gather(List<Pending> batch) throws InterruptedException {
        outcomes.drainTo(batch, RECORD_BATCH - batch.size());
        long until = batch.get(0).handedIn() + GATHER_NANOS;
        while (running && batch.size() < RECORD_BATCH) {
            Pending next = outcomes.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            outcomes.drainTo(batch, RECORD_BATCH - batch.size());
        }
    }

    private void stored(List<Pending> done) {
        lastStored = clock.instant();
        if (failingSince != null) {
            LOG.infof("Send results are stored again, after failing since %s", failingSince);
            failingSince = null;
        }
        done.forEach(pending -> pending.stored().complete(null));
        done.clear();
    }

    /** Stores what it can of a batch that failed as a whole; what still fails is kept for the next round. */
    private void recordOneByOne(List<Pending> batch, Throwable cause) {
        List<Pending> left = new ArrayList<>();
        for (Pending pending : batch) {
            try {
                outbox.record(List.of(pending.outcome()));
                stored(new ArrayList<>(List.of(pending)));
            } catch (Throwable e) {
                left.add(pending);
            }
        }
        batch.retainAll(left);
        if (!batch.isEmpty()) {
            if (failingSince == null) {
                failingSince = clock.instant();
                Loops.survive("Could not store " + batch.size() + " send results; trying again until the database takes them", cause);
            } else {
                Loops.sleep(Loops.POLL);
            }
        }
    }
}
