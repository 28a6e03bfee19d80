package se.outband.checks;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import se.outband.common.ClockTime;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;

/**
 * Holds back an address that guesses: links that lead nowhere and wrong codes each take a token from that
 * address's bucket, and an address with none left gets no page until it refills. A person who mistypes a
 * code or two never notices; a script trying links or codes gets a few dozen tries an hour.
 */
@ApplicationScoped
public class SelfThrottle {

    private static final Bandwidth[] PER_ADDRESS = {
            Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofMinutes(15)).build(),
            Bandwidth.builder().capacity(100).refillGreedy(100, Duration.ofDays(1)).build()};
    private static final int MAX_ADDRESSES = 100_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    SelfThrottle(Clock clock) {
        this.time = ClockTime.of(clock);
    }

    /** How long {@code address} must wait before anything it sends is looked at; empty when it may go on. */
    public Optional<Duration> heldBack(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(nanos).plusSeconds(1));
    }

    /** A link that leads nowhere, or a wrong code, from {@code address}. */
    public void failed(String address) {
        if (buckets.size() >= MAX_ADDRESSES) {
            buckets.clear();
        }
        buckets.computeIfAbsent(address, a -> {
            var builder = Bucket.builder().withCustomTimePrecision(time);
            for (Bandwidth limit : PER_ADDRESS) {
                builder.addLimit(limit);
            }
            return builder.build();
        }).tryConsume(1);
    }

    /** Full buckets are the same as none. */
    @ScheduledJob
    @Scheduled(every = "10m", identity = "self-throttle-forget")
    void forgetFull() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= 20);
    }
}
