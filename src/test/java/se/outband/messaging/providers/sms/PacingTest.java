package se.outband.messaging.providers.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.SimpleBucketListener;
import se.outband.common.BlockPacer;
import se.outband.common.BusiestSecond;
import se.outband.common.SharedBuckets;
import se.outband.messaging.providers.SendResult;

/**
 * The provider's rate holds in every second, the first after a pause too: many senders at once against
 * one provider, with each segment's moment taken where the provider would count it. Also for several
 * instances that draw blocks of tokens from one bucket, as they do on a shared database.
 */
class PacingTest {

    private static final int RATE = 500;
    /** Tokens of 200 ms at the rate: a block's worth sent at once shows in the second it lands in. */
    private static final int BLOCK = 100;

    /** Every segment's arrival, as {@link System#nanoTime()}. */
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();

    private final SmsGateway provider = new SmsGateway() {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public SendResult send(String to, String body) {
            long now = System.nanoTime();
            for (int i = 0; i < SmsSegments.count(body).segments(); i++) {
                arrivals.add(now);
            }
            return new SendResult.Accepted("id", false);
        }
    };

    private final FailoverSmsGateway gateway = new FailoverSmsGateway(
            List.of(new FailoverSmsGateway.Provider(provider, SharedBuckets.inMemory(), RATE, 50)), Clock.systemUTC());

    /** Draws from the bucket that {@link #instance()}s share, as rows of {@code rate_bucket} are shared. */
    private final AtomicInteger draws = new AtomicInteger();
    private final Bucket shared = SharedBuckets.inMemory().perSecond("sms counting", FailoverSmsGateway.HEADROOM * RATE, 1)
            .toListenable(new SimpleBucketListener() {
                @Override
                public void onConsumed(long tokens) {
                    draws.incrementAndGet();
                    super.onConsumed(tokens);
                }
            });

    @Test
    void noSecondHoldsMoreThanTheRateNotEvenTheFirstAfterAPause() throws InterruptedException {
        send(2 * RATE, "Samling kl 14");
        assertEquals(2 * RATE, arrivals.size());
        assertTrue(busiestSecond() <= RATE, busiestSecond() + " segments in one second, at a rate of " + RATE);
    }

    @Test
    void aLongMessageCountsEachOfItsSegments() throws InterruptedException {
        String threeSegments = "Samling i stadshuset. ".repeat(20);
        assertEquals(3, SmsSegments.count(threeSegments).segments());
        send(RATE / 2, threeSegments);
        assertTrue(busiestSecond() <= RATE, busiestSecond() + " segments in one second, at a rate of " + RATE);
    }

    @Test
    void instancesDrawingBlocksFromOneBucketKeepItsRateTogetherAndDrawOncePerBlock() throws InterruptedException {
        int messages = 3 * RATE / 2;
        send(messages / 2, "Samling kl 14", instance(), instance());
        assertEquals(messages, arrivals.size());
        assertTrue(busiestSecond() <= RATE, busiestSecond() + " segments in one second, at a rate of " + RATE);
        assertTrue(draws.get() >= messages / BLOCK && draws.get() <= 2 * messages / BLOCK,
                draws + " draws from the shared bucket for " + messages + " messages in blocks of " + BLOCK);
    }

    /**
     * The block's other tokens fell due during the pause: sent after it, they would land together at the start of
     * the provider's second second, on top of that second's own.
     */
    @Test
    void tokensOfABlockLeftUnsentBeforeAPauseDoNotLeaveTogetherAfterIt() throws InterruptedException {
        FailoverSmsGateway first = instance();
        send(1, "Samling kl 14", first);
        long pause = arrivals.peek() + TimeUnit.MILLISECONDS.toNanos(1010) - System.nanoTime();
        TimeUnit.NANOSECONDS.sleep(pause);
        send(RATE, "Samling kl 14", first, instance());
        assertEquals(2 * RATE + 1, arrivals.size());
        assertTrue(busiestSecond() <= RATE, busiestSecond() + " segments in one second, at a rate of " + RATE);
    }

    @Test
    void aLongMessageTakesASlotPerSegmentAcrossBlocks() throws InterruptedException {
        String threeSegments = "Samling i stadshuset. ".repeat(20);
        send(RATE / 4, threeSegments, instance(), instance());
        assertEquals(3 * RATE / 2, arrivals.size());
        assertTrue(busiestSecond() <= RATE, busiestSecond() + " segments in one second, at a rate of " + RATE);
    }

    /** One instance's gateway on a shared database: its own pace and senders, drawing from the bucket all instances share. */
    private FailoverSmsGateway instance() {
        BlockPacer pace = new BlockPacer(shared, FailoverSmsGateway.HEADROOM * RATE, BLOCK);
        return new FailoverSmsGateway(List.of(new FailoverSmsGateway.Provider(provider, pace, 50)), Clock.systemUTC());
    }

    private void send(int messages, String body) throws InterruptedException {
        send(messages, body, gateway);
    }

    /** {@code messages} from each instance, 50 senders each, all instances at once. */
    private void send(int messages, String body, FailoverSmsGateway... instances) throws InterruptedException {
        List<ExecutorService> senders = new ArrayList<>();
        for (FailoverSmsGateway instance : instances) {
            ExecutorService its = Executors.newFixedThreadPool(50);
            senders.add(its);
            for (int i = 0; i < messages; i++) {
                its.execute(() -> instance.send("+46701740605", body));
            }
        }
        for (ExecutorService its : senders) {
            its.shutdown();
            assertTrue(its.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    private int busiestSecond() {
        return BusiestSecond.of(arrivals);
    }
}
