package se.outband.messaging.providers.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The send benchmark's Twilio, and 46elks behind it with the same latency, as Outband's second provider. */
public class SlowTwilioAnd46elks extends SlowTwilio {

    static final Arrivals ELKS = new Arrivals();
    private static WireMockServer elks;

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(super.start());
        elks = new WireMockServer(options().dynamicPort().containerThreads(CONCURRENCY + 20)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(8).disableRequestJournal()
                .extensions(ELKS.counter("elks-arrival-counter", "/a1/sms", "to")));
        elks.start();
        elks.stubFor(post(urlPathEqualTo("/a1/sms")).willReturn(aResponse().withStatus(200).withFixedDelay(LATENCY_MS)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"s0123456789abcdef0123456789abcdef\", \"status\": \"created\", \"parts\": 1, \"cost\": 3500}")));
        elks.stubFor(get(urlPathEqualTo("/a1/me")).willReturn(aResponse().withStatus(200).withBody("{}")));
        settings.putAll(Map.of(
                "outband.sms.providers", "twilio,46elks",
                "outband.sms.46elks.username", "u-bench",
                "outband.sms.46elks.password", "bench-password",
                "outband.sms.46elks.from", "Outband",
                "outband.sms.46elks.webhook-secret", "bench-webhook-secret-0123456789abcdef",
                "outband.sms.46elks.api-url", elks.baseUrl() + "/a1",
                "outband.sms.46elks.max-concurrency", Integer.toString(CONCURRENCY),
                "outband.sms.46elks.rate-per-second", Integer.toString(RATE)));
        return settings;
    }

    @Override
    public void stop() {
        super.stop();
        if (elks != null) {
            elks.stop();
        }
    }
}
