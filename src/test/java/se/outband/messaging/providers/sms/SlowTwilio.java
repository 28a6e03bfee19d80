package se.outband.messaging.providers.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import se.outband.benchmark.PackagedService;

/**
 * Twilio's Messages API on localhost answering after a fixed latency (-Dbench.latency-ms, 50 by
 * default), and the settings the packaged service is started with for the send benchmark.
 */
public class SlowTwilio implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "bench-auth-token";
    static final int LATENCY_MS = Integer.getInteger("bench.latency-ms", 50);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 50);
    static final int RATE = Integer.getInteger("bench.rate", 500);

    private static WireMockServer server;
    static final Arrivals ARRIVALS = new Arrivals();
    static final AtomicLong FIRST_REQUEST_NANOS = ARRIVALS.first;
    static final AtomicLong LAST_REQUEST_NANOS = ARRIVALS.last;
    static final AtomicLong REQUESTS = ARRIVALS.requests;
    static final Map<String, AtomicInteger> PER_NUMBER = ARRIVALS.perNumber;
    /** Requests per sender ("From"): which instance asked, where each instance has a sender of its own. */
    private static final Arrivals SENDERS = new Arrivals();

    static WireMockServer server() {
        return server;
    }

    public static void clearCounts() {
        ARRIVALS.clear();
        SENDERS.clear();
    }

    /** Messages asked for per recipient number since the counts were cleared: more than one is a duplicate. */
    public static Map<String, AtomicInteger> perNumber() {
        return PER_NUMBER;
    }

    /** Requests per sender since the counts were cleared, as they stand now. */
    public static Map<String, Integer> perSender() {
        return SENDERS.perNumber.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    public static long requests() {
        return REQUESTS.get();
    }

    /** When the last request since the counts were cleared arrived, as {@link System#nanoTime()}. */
    public static long lastRequestNanos() {
        return LAST_REQUEST_NANOS.get();
    }

    /** Messages a second between the first and the last request since the counts were cleared. */
    public static double requestsPerSecond() {
        return REQUESTS.get() * 1e9 / Math.max(1, LAST_REQUEST_NANOS.get() - FIRST_REQUEST_NANOS.get());
    }

    public static int latencyMillis() {
        return LATENCY_MS;
    }

    /** A staff list of {@code people} in the group "Alla", with numbers that are valid Swedish mobiles. */
    static byte[] everyone(int people) {
        return everyone(people, "Alla");
    }

    public static byte[] everyone(int people, String group) {
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        for (int i = 0; i < people; i++) {
            csv.append(i).append(",Person ").append(i).append(",070-2").append(String.format("%06d", i)).append(',').append(group)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(CONCURRENCY + 20)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(8).disableRequestJournal()
                .extensions(ARRIVALS.counter("arrival-counter", "/Messages.json", "To"),
                        SENDERS.counter("sender-counter", "/Messages.json", "From")));
        server.start();
        server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))
                .willReturn(aResponse().withStatus(201).withFixedDelay(LATENCY_MS)
                        .withHeader("Content-Type", "application/json")
                        // A fixed sid: templating a fresh one per answer would load the fake, not Outband.
                        .withBody("{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}")));
        warmUp();
        Map<String, String> settings = new HashMap<>(PackagedService.settings());
        settings.putAll(Map.ofEntries(
                Map.entry("outband.sms.provider", "twilio"),
                Map.entry("outband.sms.twilio.account-sid", ACCOUNT_SID),
                Map.entry("outband.sms.twilio.auth-token", AUTH_TOKEN),
                Map.entry("outband.sms.twilio.from", "Outband"),
                Map.entry("outband.sms.twilio.api-url", server.baseUrl()),
                Map.entry("outband.sms.max-concurrency", Integer.toString(CONCURRENCY)),
                Map.entry("outband.sms.rate-per-second", Integer.toString(RATE))));
        return settings;
    }

    /** The fake's own first requests are slow (a cold JVM); they must not count as Outband's. */
    private static void warmUp() {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 50; i++) {
            try {
                client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("To=%2B46700000000&Body=warm")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        clearCounts();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
