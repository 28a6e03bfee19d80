package se.outband.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * A sender that wakes long after its token fell due (a starved CPU, a pause of the JVM) must not leave together with
 * the sender holding the next token: on a clock the test moves itself, one such wake-up at 1,000 tokens a second.
 */
class BlockPacerTest {

    private static final long TOKEN = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long WOKE_LATE_BY = TimeUnit.MILLISECONDS.toNanos(20);

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1));
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    /** Waits by moving the clock; the first wait ends {@link #WOKE_LATE_BY} after it should have. */
    private final BlockingStrategy parking = new BlockingStrategy() {
        private boolean late = true;

        @Override
        public void park(long nanos) {
            now.addAndGet(nanos + (late ? WOKE_LATE_BY : 0));
            late = false;
        }
    };

    @ParameterizedTest
    @ValueSource(ints = { 1, 10 })
    void aSenderWakingLateTakesANewTokenInsteadOfLeavingWithTheNext(int block) throws InterruptedException {
        Bucket bucket = Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(TOKEN)).build()).build();
        BlockPacer pacer = new BlockPacer(bucket, 1e9 / TOKEN, block, clock, parking);
        pacer.await(1);
        long first = now.get();

        pacer.await(1);
        long late = now.get();
        pacer.await(1);
        long next = now.get();

        assertEquals(first + TOKEN + WOKE_LATE_BY, late, "the second sender woke late");
        assertEquals(TOKEN, next - late, "the sender after the late one leaves a token's time after it, not with it");
    }
}
