package se.outband.access;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import se.outband.common.ClockTime;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;

/**
 * Holds back the address that guesses, never the account: every sign-in attempt (password or code)
 * takes a token from two buckets, one for that user name from that address and one for the address
 * whatever the name, before the password is even checked, so parallel guesses all count. A right
 * password gives its tokens back. When a bucket is empty the address waits (429 with Retry-After),
 * and the waits grow: a few tries at once, then one every few minutes, then a daily limit. The same
 * person signing in from another address (their phone, the crisis room) is not affected.
 */
@ApplicationScoped
public class SignInThrottle {

    /** One user name from one address: a typo or two, then one try every three minutes, at most 20 a day. */
    private static final Bandwidth[] PER_ACCOUNT = {
            Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(15)).build(),
            Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofDays(1)).build()};
    /** Any user names from one address (an office behind one public address has several people). */
    private static final Bandwidth[] PER_ADDRESS = {
            Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofMinutes(15)).build(),
            Bandwidth.builder().capacity(100).refillGreedy(100, Duration.ofDays(1)).build()};
    /** Buckets untouched for a day are full again and can be forgotten. */
    private static final Duration IDLE = Duration.ofDays(1);
    private static final int MAX_BUCKETS = 100_000;

    private record Tracked(Bucket bucket, AtomicLong lastUsedNanos) {
    }

    private final ConcurrentHashMap<String, Tracked> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    SignInThrottle(Clock clock) {
        this.time = ClockTime.of(clock);
    }

    /** Takes a try for {@code username} from {@code address}; empty when allowed, else how long to wait. */
    public Optional<Duration> acquire(String username, String address) {
        Bucket account = bucket(accountKey(username, address), PER_ACCOUNT);
        ConsumptionProbe first = account.tryConsumeAndReturnRemaining(1);
        if (!first.isConsumed()) {
            return Optional.of(wait(first));
        }
        ConsumptionProbe second = bucket(addressKey(address), PER_ADDRESS).tryConsumeAndReturnRemaining(1);
        if (!second.isConsumed()) {
            account.addTokens(1);
            return Optional.of(wait(second));
        }
        return Optional.empty();
    }

    /** A right password or code: the try does not count against anyone. */
    public void succeeded(String username, String address) {
        bucket(accountKey(username, address), PER_ACCOUNT).addTokens(1);
        bucket(addressKey(address), PER_ADDRESS).addTokens(1);
    }

    @ScheduledJob
    @Scheduled(every = "10m", identity = "sign-in-throttle-forget")
    void forgetIdle() {
        forgetIdleFor(IDLE);
    }

    private void forgetIdleFor(Duration idle) {
        long cutoff = time.currentTimeNanos() - idle.toNanos();
        buckets.values().removeIf(tracked -> tracked.lastUsedNanos().get() < cutoff);
    }

    private Bucket bucket(String key, Bandwidth[] limits) {
        if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(key)) {
            // Many addresses at once (an attack from a botnet): forget the quiet ones first.
            forgetIdleFor(Duration.ofMinutes(15));
        }
        Tracked tracked = buckets.computeIfAbsent(key, k -> {
            var builder = Bucket.builder().withCustomTimePrecision(time);
            for (Bandwidth limit : limits) {
                builder.addLimit(limit);
            }
            return new Tracked(builder.build(), new AtomicLong());
        });
        tracked.lastUsedNanos().set(time.currentTimeNanos());
        return tracked.bucket();
    }

    /** Whole minutes, at least one: what people are told to wait. */
    public static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** Rounded up to whole seconds: coming back a fraction too early only earns another refusal. */
    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofSeconds(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    private static String accountKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (name.length() > 64 ? name.substring(0, 64) : name) + "@" + addressKey(address);
    }

    /** IPv6 by its /64: one household or phone gets a whole /64 and could otherwise rotate through it. */
    private static String addressKey(String address) {
        if (address != null && address.indexOf(':') >= 0) {
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (InetAddress.getByAddress(bytes) instanceof Inet6Address) {
                    StringBuilder prefix = new StringBuilder("address:");
                    for (int i = 0; i < 8; i++) {
                        prefix.append(String.format("%02x", bytes[i]));
                    }
                    return prefix.append("::/64").toString();
                }
            } catch (UnknownHostException e) {
                return "address:" + address;
            }
        }
        return "address:" + address;
    }
}
