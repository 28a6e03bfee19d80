package se.outband.messaging.providers.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import se.outband.common.SharedBuckets;
import se.outband.messaging.providers.SendResult;

/**
 * The provider's rate holds in every second, the first after a pause too: many senders at once against
 * one provider, with each segment's moment taken where the provider would count it.
 */
class PacingTest {

    private static final int RATE = 500;

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

    private void send(int messages, String body) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(50);
        for (int i = 0; i < messages; i++) {
            senders.execute(() -> gateway.send("+46701740605", body));
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
    }

    /** The most segments that arrived in one second, the seconds counted from the first arrival as a provider counts them. */
    private int busiestSecond() {
        long first = arrivals.stream().mapToLong(Long::longValue).min().orElseThrow();
        return arrivals.stream().collect(Collectors.groupingBy(at -> (at - first) / TimeUnit.SECONDS.toNanos(1), Collectors.counting()))
                .values().stream().mapToInt(Long::intValue).max().orElseThrow();
    }
}
