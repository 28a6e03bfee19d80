package se.outband.messaging.sms;

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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

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
    static final AtomicLong FIRST_REQUEST_NANOS = new AtomicLong();
    static final AtomicLong LAST_REQUEST_NANOS = new AtomicLong();
    static final AtomicLong REQUESTS = new AtomicLong();
    /** Messages asked for per recipient number: more than one is a duplicate. */
    static final Map<String, AtomicInteger> PER_NUMBER = new ConcurrentHashMap<>();

    static WireMockServer server() {
        return server;
    }

    static void clearCounts() {
        FIRST_REQUEST_NANOS.set(0);
        LAST_REQUEST_NANOS.set(0);
        REQUESTS.set(0);
        PER_NUMBER.clear();
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(CONCURRENCY + 20)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(8).disableRequestJournal()
                .extensions(new ArrivalCounter()));
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

    /** Counts each message request when it arrives, before the fake's latency: when it reached "Twilio". */
    private static final class ArrivalCounter implements StubRequestFilterV2 {
        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            long now = System.nanoTime();
            FIRST_REQUEST_NANOS.compareAndSet(0, now);
            LAST_REQUEST_NANOS.accumulateAndGet(now, Math::max);
            REQUESTS.incrementAndGet();
            PER_NUMBER.computeIfAbsent(request.formParameter("To").firstValue(), to -> new AtomicInteger()).incrementAndGet();
            return RequestFilterAction.continueWith(request);
        }

        @Override
        public String getName() {
            return "arrival-counter";
        }
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
