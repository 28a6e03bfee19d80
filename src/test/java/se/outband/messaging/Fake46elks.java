package se.outband.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock answering as 46elks documents its API: {@code POST /a1/sms} → 200 with the message as
 * JSON, {@code GET /a1/me} → the account; Outband's settings for 46elks as the second provider, or the only one
 * with the init argument {@code providers=46elks}.
 */
public class Fake46elks implements QuarkusTestResourceLifecycleManager {

    public static final String USERNAME = "u0123456789abcdef0123456789abcdef";
    public static final String PASSWORD = "elks-test-password";
    public static final String WEBHOOK_SECRET = "elks-webhook-secret-0123456789abcdefghij";
    public static final String SENDER = "+46766862000";

    private static WireMockServer elks;
    /** Which providers send SMS: 46elks second to Twilio unless a profile asks for 46elks alone. */
    private String providers = "twilio,46elks";

    public static WireMockServer elks() {
        return elks;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        providers = initArgs.getOrDefault("providers", providers);
    }

    @Override
    public Map<String, String> start() {
        elks = new WireMockServer(options().dynamicPort().containerThreads(60).asynchronousResponseEnabled(true));
        elks.start();
        reset();
        return Map.of(
                "outband.sms.providers", providers,
                "outband.sms.46elks.username", USERNAME,
                "outband.sms.46elks.password", PASSWORD,
                "outband.sms.46elks.from", SENDER,
                "outband.sms.46elks.webhook-secret", WEBHOOK_SECRET,
                "outband.sms.46elks.api-url", elks.baseUrl() + "/a1",
                "outband.sms.46elks.rate-per-second", "200",
                "outband.sms.46elks.price-per-segment", "0.52");
    }

    public static void reset() {
        elks.resetAll();
        elks.stubFor(post(urlPathEqualTo("/a1/sms")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\": \"created\", \"direction\": \"outgoing\", \"from\": \"" + SENDER + "\","
                                + " \"created\": \"2026-11-24T10:00:00.000000\", \"parts\": 1,"
                                + " \"to\": \"{{formData request.body 'form' urlDecode=true}}{{form.to}}\", \"cost\": 3500,"
                                + " \"id\": \"s{{randomValue length=32 type='HEXADECIMAL'}}\"}")
                        .withTransformers("response-template")));
        elks.stubFor(get(urlPathEqualTo("/a1/me")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"" + USERNAME + "\", \"currency\": \"SEK\", \"balance\": 1000000}")));
    }

    /** The form of every SMS request 46elks' fake received. */
    public static List<Map<String, String>> smsRequests() {
        return elks.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/a1/sms"))
                .map(e -> MessagingTestSupport.form(e.getRequest().getBodyAsString()))
                .toList();
    }

    @Override
    public void stop() {
        if (elks != null) {
            elks.stop();
        }
    }
}
