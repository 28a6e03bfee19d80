package se.outband.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A channel's workers and the claimed deliveries waiting for them. The dispatcher keeps about two
 * deliveries per worker claimed, so workers never wait for the database and a crash leaves at most
 * that many to be sent again.
 */
final class Lane {

    private final Channel channel;
    private final int workers;
    private final Claims claims;
    private final HeldDeliveries held;
    private final Consumer<Claims.Claimed> sender;
    /** Asks the dispatcher to claim more: called when fewer than one per worker wait. */
    private final Runnable hungry;
    private final LinkedBlockingQueue<Claims.Claimed> waiting = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private ExecutorService pool;

    Lane(Channel channel, int workers, Claims claims, HeldDeliveries held, Consumer<Claims.Claimed> sender, Runnable hungry) {
        this.channel = channel;
        this.workers = workers;
        this.claims = claims;
        this.held = held;
        this.sender = sender;
        this.hungry = hungry;
    }

    void start() {
        running = true;
        pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "outband-" + channel.key() + "-sender");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            pool.execute(this::work);
        }
    }

    /** Stops taking what waits; each worker finishes the message in its hands (see {@link #finish}). */
    void stop() {
        running = false;
        if (pool != null) {
            pool.shutdown();
        }
    }

    /**
     * Waits until {@code deadline} for the workers to finish the messages in their hands, so their results
     * are stored; one still not sent then is interrupted, and comes back as a retry. Returns the deliveries
     * claimed but never started, for another instance (or the next start) to send.
     */
    List<Long> finish(long deadline) throws InterruptedException {
        if (pool != null && !pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.SECONDS);
        }
        List<Claims.Claimed> unstarted = new ArrayList<>();
        waiting.drainTo(unstarted);
        return unstarted.stream().map(Claims.Claimed::deliveryId).toList();
    }

    /** Claims more when fewer than one per worker wait; true when it claimed a full batch (there may be more). */
    boolean refill() {
        int room = 2 * workers - waiting.size();
        if (waiting.size() >= workers) {
            return false;
        }
        List<Claims.Claimed> claimed = claims.claim(channel, room);
        held.hold(claimed);
        waiting.addAll(claimed);
        return claimed.size() == room;
    }

    private void work() {
        while (running) {
            try {
                Claims.Claimed next = waiting.poll(Loops.POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (next != null) {
                    if (waiting.size() < workers) {
                        hungry.run();
                    }
                    sender.accept(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                Loops.survive("A " + channel.key() + " sender stumbled; it goes on", e);
            }
        }
    }
}
