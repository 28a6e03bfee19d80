package se.outband.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The wait before a message's next attempt: doubling from the initial wait to the maximum, half of it random. */
class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(5);

    /** The random half at its smallest (0) and at its largest (all of it). */
    private static final Backoff LEAST = new Backoff(INITIAL, MAX, n -> 0);
    private static final Backoff MOST = new Backoff(INITIAL, MAX, n -> n);

    @Test
    void theFirstRetryWaitsBetweenHalfTheInitialWaitAndAllOfIt() {
        assertEquals(2000, LEAST.capped(1));
        assertEquals(Duration.ofSeconds(1), LEAST.after(1));
        assertEquals(Duration.ofSeconds(2), MOST.after(1));
    }

    @Test
    void eachAttemptDoublesTheWait() {
        assertEquals(4000, LEAST.capped(2));
        assertEquals(8000, LEAST.capped(3));
        assertEquals(16_000, LEAST.capped(4));
        assertEquals(Duration.ofSeconds(4), LEAST.after(3));
        assertEquals(Duration.ofSeconds(8), MOST.after(3));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        // 2 s doubled 7 times is 256 s; once more would be 512 s, above the 300 s maximum.
        assertEquals(256_000, LEAST.capped(8));
        assertEquals(300_000, LEAST.capped(9));
        assertEquals(300_000, LEAST.capped(30));
        assertEquals(Duration.ofMinutes(5), MOST.after(30));
        assertEquals(Duration.ofSeconds(150), LEAST.after(30));
    }

    @Test
    void theJitterStaysWithinHalfTheWaitAndAllOfIt() {
        SplittableRandom seeded = new SplittableRandom(21);
        Backoff random = new Backoff(INITIAL, MAX, n -> seeded.nextLong(n + 1));
        Backoff real = new Backoff(INITIAL, MAX);
        for (int attempts = 1; attempts <= 40; attempts++) {
            long capped = real.capped(attempts);
            for (int i = 0; i < 200; i++) {
                for (Backoff backoff : new Backoff[] {random, real}) {
                    long wait = backoff.after(attempts).toMillis();
                    int attempt = attempts;
                    assertTrue(wait >= capped / 2 && wait <= capped,
                            () -> "attempt " + attempt + ": " + wait + " ms is outside [" + capped / 2 + ", " + capped + "]");
                }
            }
        }
    }

    @Test
    void hugeAttemptCountsDoNotOverflow() {
        assertEquals(Duration.ofMinutes(5), MOST.after(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(150), LEAST.after(Integer.MAX_VALUE));
        Backoff wide = new Backoff(Duration.ofMillis(1), Duration.ofDays(365 * 1000L), n -> n);
        assertEquals(Duration.ofDays(365 * 1000L), wide.after(Integer.MAX_VALUE));
        Backoff none = new Backoff(Duration.ZERO, MAX, n -> n);
        assertEquals(Duration.ZERO, none.after(Integer.MAX_VALUE));
    }

    @Test
    void anInitialWaitAboveTheMaximumIsCappedFromTheStart() {
        Backoff inverted = new Backoff(Duration.ofMinutes(10), MAX, n -> n);
        assertEquals(Duration.ofMinutes(5), inverted.after(1));
    }
}
