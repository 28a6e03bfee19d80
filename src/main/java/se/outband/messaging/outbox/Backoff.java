package se.outband.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

import se.outband.messaging.providers.sms.SmsConfig;

/**
 * How long a message waits before its next attempt: the initial wait, doubled with each attempt up
 * to the maximum, with "equal jitter" (half of that fixed, the other half random) so that messages
 * refused together do not all come back at the same moment.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    /** Given n, a number from 0 to n, both included. */
    private final LongUnaryOperator random;

    Backoff(SmsConfig.Retry retry) {
        this(retry.initialBackoff(), retry.maxBackoff());
    }

    Backoff(Duration initial, Duration max) {
        this(initial, max, n -> ThreadLocalRandom.current().nextLong(n + 1));
    }

    /** {@code random} answers n with a number from 0 to n, both included. */
    Backoff(Duration initial, Duration max, LongUnaryOperator random) {
        this.initialMillis = Math.max(0, initial.toMillis());
        this.maxMillis = Math.max(0, max.toMillis());
        this.random = random;
    }

    /** The wait after {@code attempts} attempts (the first retry follows attempt 1). */
    Duration after(int attempts) {
        long capped = capped(attempts);
        return Duration.ofMillis(capped / 2 + random.applyAsLong(capped / 2));
    }

    /** The initial wait doubled once per attempt after the first, never above the maximum: what the jitter is taken from. */
    long capped(int attempts) {
        long wait = Math.min(initialMillis, maxMillis);
        // At most 63 doublings reach any maximum; a wait of 0 stays 0 however often it is doubled.
        for (int i = 1; i < attempts && wait > 0 && wait < maxMillis; i++) {
            wait = wait > maxMillis / 2 ? maxMillis : wait * 2;
        }
        return wait;
    }
}
