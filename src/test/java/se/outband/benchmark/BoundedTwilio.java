package se.outband.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
     * How many messages a second this fake answers when {@code inFlight} clients each keep one request open for
     * {@code seconds}, after three seconds that warm both sides up. The clients speak HTTP over plain sockets, so they
     * cost the machine far less than the fake does: a full HTTP client in the same JVM cost more than the fake and
     * printed a ceiling below rates the fake was seen answering. Clears the counts afterwards.
     */
    public double ceiling(int inFlight, int seconds) throws InterruptedException {
        String body = "To=%2B46700000000&From=Ceiling&Body=Hur+fort";
        byte[] request = ("POST " + MESSAGES + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong answered = new AtomicLong();
        AtomicReference<IOException> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            Thread client = new Thread(() -> {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        out.write(request);
                        out.flush();
                        int status = readAnswer(in);
                        long answeredAt = System.nanoTime();
                        if (status == 201 && answeredAt >= start && answeredAt < end) {
                            answered.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            }, "ceiling-client");
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        if (failure.get() != null) {
            throw new UncheckedIOException("The fake's ceiling could not be measured", failure.get());
        }
        clear();
        return answered.get() / (double) seconds;
    }

    /** Reads one HTTP/1.1 answer, with its body of a given length or in chunks, and returns its status. */
    private static int readAnswer(InputStream in) throws IOException {
        int status = Integer.parseInt(line(in).split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.skipNBytes(length);
            return status;
        }
        for (long chunk = Long.parseLong(line(in).trim(), 16); chunk > 0; chunk = Long.parseLong(line(in).trim(), 16)) {
            in.skipNBytes(chunk);
            line(in);
        }
        line(in);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("The fake closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
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
