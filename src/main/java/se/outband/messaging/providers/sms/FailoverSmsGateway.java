package se.outband.messaging.providers.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import se.outband.common.BlockPacer;
import se.outband.common.SharedBuckets;
import se.outband.messaging.providers.SendResult;

/**
 * The SMS providers in order of preference, each paced by its own rate and concurrency. The first
 * that is not failing sends. When it answers with its own trouble (down, unreachable, refusing
 * Outband's credentials, or throttling for too long) the message goes to the next one at once and
 * the provider is marked failing, so the following messages skip it; {@link #probe()} brings it
 * back when it answers again. A refusal of the number itself never moves on: it falls back to email.
 */
public final class FailoverSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(FailoverSmsGateway.class);

    /** A single lost request is no outage; three in a row, with nothing sent between, is. */
    static final int DOWN_IN_A_ROW = 3;
    /** Throttling is the provider pacing Outband; only if it lasts this long is another provider asked. */
    static final Duration THROTTLED_TOO_LONG = Duration.ofSeconds(30);
    /**
     * The pace kept below the provider's rate: a message held up on its way (a pause of the JVM, a slow
     * connection) lands in the next second with that second's own, and the provider counts arrivals. At 98 %
     * two instances on two cores once put 2,001 in a second at a bound of 2,000 (ceiling benchmark).
     */
    static final double HEADROOM = 0.97;

    /** How a provider stands, for the start page and progress. */
    public enum State {
        SENDING, STANDING_BY, FAILING
    }

    public record ProviderView(String name, State state, Instant failingSince, String lastError) {
    }

    /** One provider with its own pace, its concurrency and its health. */
    static final class Provider {
        final SmsGateway gateway;
        final BlockPacer pace;
        final Semaphore slots;
        final int maxConcurrency;
        final AtomicInteger downInARow = new AtomicInteger();
        volatile Instant failingSince;
        volatile Instant throttledSince;
        volatile String lastError;

        /**
         * Paced by {@code ratePerSecond} segments for all instances together, {@code maxConcurrency} at a time in this one. Evenly,
         * one message after another and never in a burst: a bucket that fills while sending pauses lets a whole second's worth
         * out at once, on top of that second's own, and the provider sees twice its rate.
         */
        Provider(SmsGateway gateway, SharedBuckets buckets, double ratePerSecond, int maxConcurrency) {
            this(gateway, buckets.pace("sms " + gateway.name(), HEADROOM * ratePerSecond), maxConcurrency);
        }

        /** Paced by {@code pace}, which may share its bucket with other instances' paces. */
        Provider(SmsGateway gateway, BlockPacer pace, int maxConcurrency) {
            this.gateway = gateway;
            this.pace = pace;
            this.slots = new Semaphore(maxConcurrency);
            this.maxConcurrency = maxConcurrency;
        }

        boolean failing() {
            return failingSince != null;
        }
    }

    private final List<Provider> providers;
    private final Clock clock;

    FailoverSmsGateway(List<Provider> providers, Clock clock) {
        this.providers = List.copyOf(providers);
        this.clock = clock;
    }

    /** Senders enough for the most concurrent provider: each is held to its own limit. */
    public int maxConcurrency() {
        return providers.stream().mapToInt(p -> p.maxConcurrency).max().orElse(1);
    }

    @Override
    public String name() {
        return String.join(",", providers.stream().map(p -> p.gateway.name()).toList());
    }

    /** Replies are impossible if any provider that may send uses a sender nobody can answer. */
    @Override
    public Optional<String> oneWaySender() {
        return providers.stream().map(p -> p.gateway.oneWaySender()).flatMap(Optional::stream).findFirst();
    }

    @Override
    public SendResult send(String to, String body) {
        return send(to, body, SmsSegments.count(body).segments());
    }

    /** For a sender that already knows the message's parts (the outbox stores them with the bulletin). */
    public SendResult send(String to, String body, int segments) {
        SendResult result = null;
        for (Provider provider : order()) {
            result = send(provider, to, body, segments);
            if (!(result instanceof SendResult.Retry retry) || !movesOn(retry, provider)) {
                return result;
            }
        }
        return result;
    }

    /** A down provider's message goes to the next at once; a throttled one waits its turn unless throttling has lasted too long. */
    private static boolean movesOn(SendResult.Retry retry, Provider provider) {
        return retry.trouble() == SendResult.Trouble.PROVIDER_DOWN
                || retry.trouble() == SendResult.Trouble.THROTTLED && provider.failing();
    }

    /** Healthy providers first, in the configured order; failing ones last, so an outage of all still tries. */
    private List<Provider> order() {
        List<Provider> order = new ArrayList<>(providers.size());
        providers.stream().filter(p -> !p.failing()).forEach(order::add);
        providers.stream().filter(Provider::failing).forEach(order::add);
        return order;
    }

    private SendResult send(Provider provider, String to, String body, int segments) {
        SendResult result;
        try {
            provider.slots.acquire();
            try {
                provider.pace.await(segments);
                result = provider.gateway.send(to, body);
            } finally {
                provider.slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry("Outband was stopping");
        }
        String name = provider.gateway.name();
        if (result instanceof SendResult.Accepted accepted) {
            recovered(provider);
            return accepted.via(name);
        }
        if (result instanceof SendResult.Failed failed) {
            recovered(provider);
            return failed.via(name);
        }
        SendResult.Retry retry = (SendResult.Retry) result;
        provider.lastError = retry.error();
        Instant now = clock.instant();
        boolean troubled = switch (retry.trouble()) {
            case PROVIDER_DOWN -> provider.downInARow.incrementAndGet() >= DOWN_IN_A_ROW;
            case THROTTLED -> {
                if (provider.throttledSince == null) {
                    provider.throttledSince = now;
                }
                yield !provider.throttledSince.isAfter(now.minus(THROTTLED_TOO_LONG));
            }
            case OUTBAND -> false;
        };
        if (troubled && provider.failingSince == null) {
            provider.failingSince = now;
            LOG.warnf("SMS provider %s is failing (%s); %s", name, retry.error(),
                    providers.size() > 1 ? "the next provider takes over until it answers again" : "messages wait until it answers again");
        }
        return retry;
    }

    private void recovered(Provider provider) {
        provider.downInARow.set(0);
        provider.throttledSince = null;
        if (provider.failingSince != null) {
            provider.failingSince = null;
            LOG.infof("SMS provider %s is sending again", provider.gateway.name());
        }
    }

    /** Asks each failing provider whether it answers again; one that does sends the next messages. */
    public void probe() {
        for (Provider provider : providers) {
            if (provider.failing() && provider.gateway.reachable()) {
                recovered(provider);
            }
        }
    }

    /** The provider that sends the next message: the first that is not failing (the first if all are). */
    public String sending() {
        return order().get(0).gateway.name();
    }

    public List<ProviderView> providers() {
        List<ProviderView> views = new ArrayList<>();
        boolean sending = false;
        for (Provider provider : providers) {
            State state = provider.failing() ? State.FAILING : sending ? State.STANDING_BY : State.SENDING;
            sending |= state == State.SENDING;
            views.add(new ProviderView(provider.gateway.name(), state, provider.failingSince, provider.failing() ? provider.lastError : null));
        }
        return views;
    }
}
