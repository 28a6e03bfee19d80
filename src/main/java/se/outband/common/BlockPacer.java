package se.outband.common;

import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * An even pace drawn from a shared bucket in blocks. On a shared database every draw is a transaction
 * under the bucket row's advisory lock; drawn per message, the instances queue on that row and two send
 * less than one. Drawn a block at a time, an instance reserves the block's tokens in one transaction and
 * hands them to its senders one by one, each at the moment the bucket would have granted it alone: a
 * reservation of {@code block} tokens is due when its last token is, and its tokens fall due one token's
 * time apart before that. Every instance's tokens are the bucket's, so together they keep its rate.
 */
public final class BlockPacer {

    /**
     * How late a sender may still use its token. One that wakes later (a starved CPU, a pause of the JVM) gives it
     * up and takes a new one: sent late, it would land with the messages of the next moments, and the provider
     * counts arrivals. A third of the headroom below the provider's rate (3 %, 30 ms of any second) is for this, the
     * rest for what holds a message up after its sender woke (the HTTP client, the network, a pause of the JVM).
     */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Bucket shared;
    private final TimeMeter time;
    private final BlockingStrategy parking;
    private final long nanosPerToken;
    private final int block;

    /** Tokens of the current block not yet handed out, and when the first of them falls due (on {@link #time}). */
    private long left;
    private long nextDue;

    /**
     * Paces by {@code shared}, whose rate is {@code ratePerSecond} tokens a second with a burst of one, drawing
     * {@code block} tokens at a time (more when one message needs more).
     */
    public BlockPacer(Bucket shared, double ratePerSecond, int block) {
        this(shared, ratePerSecond, block, TimeMeter.SYSTEM_NANOTIME, BlockingStrategy.PARKING);
    }

    /** Reads time from {@code time} and waits by {@code parking}: for tests that move time themselves. */
    BlockPacer(Bucket shared, double ratePerSecond, int block, TimeMeter time, BlockingStrategy parking) {
        if (block < 1) {
            throw new IllegalArgumentException("A block holds at least one token, not " + block);
        }
        this.shared = shared;
        this.time = time;
        this.parking = parking;
        this.nanosPerToken = SharedBuckets.nanosPerToken(ratePerSecond);
        this.block = block;
    }

    /**
     * Waits until {@code tokens} more are due: a message's segments leave together, when the last of them is due.
     * A block of one is the bucket itself, drawn without this pacer's lock: the embedded database's bucket in memory,
     * and a shared rate too low for a block of more, draw per message as the bucket alone would. Whoever wakes more
     * than {@link #LATE_NANOS} after its tokens fell due takes new ones.
     */
    public void await(int tokens) throws InterruptedException {
        long due;
        do {
            due = block == 1 ? time.currentTimeNanos() + shared.consumeIgnoringRateLimits(tokens) : reserve(tokens);
            long wait = due - time.currentTimeNanos();
            if (wait > 0) {
                parking.park(wait);
            }
        } while (time.currentTimeNanos() - due > LATE_NANOS);
    }

    /**
     * One sender at a time takes tokens, and the one that finds the block empty draws the next while the
     * others wait for it: their tokens would be in that block anyway.
     */
    private synchronized long reserve(int tokens) {
        dropUnclaimed();
        long due = 0;
        for (int needed = tokens; needed > 0; needed--) {
            if (left == 0) {
                draw(Math.max(block, needed));
            }
            due = nextDue;
            nextDue += nanosPerToken;
            left--;
        }
        return due;
    }

    /**
     * Tokens nobody took while they were due are gone: handed out late they would leave together, on top of
     * the tokens every other instance holds for that time. One token's lateness is allowed, as the bucket
     * itself keeps one token for a sender after a pause.
     */
    private void dropUnclaimed() {
        long late = time.currentTimeNanos() - nanosPerToken - nextDue;
        if (left > 0 && late > 0) {
            long dropped = Math.min(left, (late - 1) / nanosPerToken + 1);
            left -= dropped;
            nextDue += dropped * nanosPerToken;
        }
    }

    /** The clock is read after the draw: a transaction's own time only moves the tokens later, never earlier. */
    private void draw(int tokens) {
        long lastDue = shared.consumeIgnoringRateLimits(tokens) + time.currentTimeNanos();
        nextDue = lastDue - (tokens - 1) * nanosPerToken;
        left = tokens;
    }
}
