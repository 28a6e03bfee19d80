package se.outband.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.quarkus.scheduler.Scheduled;
import se.outband.common.ClockTime;
import se.outband.common.ScheduledJob;

/**
 * Holds back the subscription form's posts per client address and per email domain, in this instance's memory:
 * a script posting from one machine, or cycling the addresses of one domain, gets a few an hour. Each instance
 * counts its own (several instances allow a multiple); the daily cap of confirmation mails per address is in
 * the database and holds for all of them.
 */
@ApplicationScoped
class SubscribeThrottle {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private final Map<String, Bucket> domains = new ConcurrentHashMap<>();
    private final TimeMeter time;
    private final int perClient;
    private final int perDomain;

    SubscribeThrottle(Clock clock, SubscriptionsConfig config) {
        this.time = ClockTime.of(clock);
        this.perClient = config.perClientPerHour();
        this.perDomain = config.perDomainPerHour();
    }

    /** Takes one of the client's posts; false when it has none left this hour. */
    boolean clientMay(String client) {
        return take(clients, client, perClient);
    }

    /** Takes one of the domain's requests; false when it has none left this hour. */
    boolean domainMay(String domain) {
        return take(domains, domain, perDomain);
    }

    private boolean take(Map<String, Bucket> buckets, String key, int perHour) {
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build()).build()).tryConsume(1);
    }

    /** Full buckets are the same as none. */
    @ScheduledJob
    @Scheduled(every = "10m", identity = "subscribe-throttle-forget")
    void forgetFull() {
        clients.values().removeIf(b -> b.getAvailableTokens() >= perClient);
        domains.values().removeIf(b -> b.getAvailableTokens() >= perDomain);
    }
}
