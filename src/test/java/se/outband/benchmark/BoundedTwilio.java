package se.outband.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Twilio's Messages API on localhost, answering after a fixed latency, for one benchmark run only: every
 * run starts a fake of its own, so no run counts what a service of an earlier one still sends. It counts
 * each message when it arrives (before its latency): how many, per number, per sender, and per second
 * since the first, so a run can tell whether the provider's bound was exceeded in any second.
 */
public final class BoundedTwilio implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "bench-auth-token";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private final WireMockServer server;
    private final AtomicLong first = new AtomicLong();
    private final AtomicLong last = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicInteger> perNumber = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perSender = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> perSecond = new ConcurrentHashMap<>();

    /** Answers after {@code latencyMillis}, with enough threads for {@code concurrency} requests open at once. */
    public BoundedTwilio(int latencyMillis, int concurrency) {
        server = new WireMockServer(options().dynamicPort().containerThreads(concurrency + 20)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(8).disableRequestJournal()
                .extensions(new Counter()));
        server.start();
        server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))
                .willReturn(aResponse().withStatus(201).withFixedDelay(latencyMillis)
                        .withHeader("Content-Type", "application/json")
                        // A fixed sid: templating a fresh one per answer would load the fake, not Outband.
                        .withBody("{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}")));
    }

    /** The service's settings to send through this fake, {@code concurrency} at a time and at most {@code rate} a second. */
    public Map<String, String> settings(int concurrency, int rate) {
        return Map.of(
                "outband.sms.provider", "twilio",
                "outband.sms.twilio.account-sid", ACCOUNT_SID,
                "outband.sms.twilio.auth-token", AUTH_TOKEN,
                "outband.sms.twilio.from", "Outband",
                "outband.sms.twilio.api-url", server.baseUrl(),
                "outband.sms.max-concurrency", Integer.toString(concurrency),
                "outband.sms.rate-per-second", Integer.toString(rate));
    }

    /**
     * How many messages a second this fake answers when a client keeps {@code inFlight} requests open for
     * {@code seconds}: its own ceiling (a lower bound, since the client shares the machine), which must lie
     * above the bound a run measures, or that run measures the fake. Clears the counts afterwards.
     */
    public double ceiling(int inFlight, int seconds) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + MESSAGES))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B46700000000&From=Ceiling&Body=Hur+fort")).build();
        Semaphore open = new Semaphore(inFlight);
        AtomicLong answered = new AtomicLong();
        // The first second warms both sides up (connections, JIT) and is not counted.
        long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long answeredAtStart = -1;
        while (System.nanoTime() < end) {
            open.acquire();
            if (answeredAtStart < 0 && System.nanoTime() >= start) {
                answeredAtStart = answered.get();
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 201) {
                    answered.incrementAndGet();
                }
                open.release();
            });
        }
        double rate = (answered.get() - answeredAtStart) * 1e9 / (System.nanoTime() - start);
        open.acquire(inFlight);
        clear();
        return rate;
    }

    public void clear() {
        first.set(0);
        last.set(0);
        requests.set(0);
        perNumber.clear();
        perSender.clear();
        perSecond.clear();
    }

    public long requests() {
        return requests.get();
    }

    /** When the first message since the counts were cleared arrived, as {@link System#nanoTime()}; 0 before any. */
    public long firstNanos() {
        return first.get();
    }

    public long lastNanos() {
        return last.get();
    }

    /** Messages asked for per recipient number: more than one is a duplicate. */
    public Map<String, AtomicInteger> perNumber() {
        return perNumber;
    }

    public int from(String sender) {
        AtomicInteger count = perSender.get(sender);
        return count == null ? 0 : count.get();
    }

    /** Messages per whole second since the first arrived, counting from 0. */
    public Map<Long, Integer> perSecond() {
        Map<Long, Integer> seconds = new TreeMap<>();
        perSecond.forEach((second, count) -> seconds.put(second, count.get()));
        return seconds;
    }

    /** The seconds in which more than {@code bound} messages arrived, with their counts. */
    public Map<Long, Integer> secondsAbove(int bound) {
        Map<Long, Integer> above = perSecond();
        above.values().removeIf(count -> count <= bound);
        return above;
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Counter implements StubRequestFilterV2 {

        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            if (request.getUrl().endsWith("/Messages.json")) {
                long now = System.nanoTime();
                first.compareAndSet(0, now);
                last.accumulateAndGet(now, Math::max);
                requests.incrementAndGet();
                perSecond.computeIfAbsent((now - first.get()) / 1_000_000_000L, second -> new AtomicInteger()).incrementAndGet();
                perNumber.computeIfAbsent(request.formParameter("To").firstValue(), to -> new AtomicInteger()).incrementAndGet();
                perSender.computeIfAbsent(request.formParameter("From").firstValue(), from -> new AtomicInteger()).incrementAndGet();
            }
            return RequestFilterAction.continueWith(request);
        }

        @Override
        public String getName() {
            return "bounded-twilio-counter";
        }
    }
}
