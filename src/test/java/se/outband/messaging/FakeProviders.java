package se.outband.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.response.ValidatableResponse;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * The providers Outband talks to, for real but on localhost: WireMock answering as Twilio's Messages,
 * Calls and Conferences APIs (driven through the real Twilio SDK) and GreenMail as the SMTP relay (driven through Jakarta Mail).
 */
public class FakeProviders implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789";
    public static final String PUBLIC_URL = "https://outband.test";
    /** Outband's own number: people can answer it (an alphanumeric sender could not take replies). */
    public static final String SENDER_NUMBER = "+46766861004";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static WireMockServer twilio;
    private static GreenMail smtp;

    public static WireMockServer twilio() {
        return twilio;
    }

    public static GreenMail smtp() {
        return smtp;
    }

    @Override
    public Map<String, String> start() {
        twilio = new WireMockServer(options().dynamicPort().containerThreads(60).asynchronousResponseEnabled(true));
        twilio.start();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        acceptEverything();
        return Map.ofEntries(
                Map.entry("outband.public-url", PUBLIC_URL),
                Map.entry("outband.sms.provider", "twilio"),
                Map.entry("outband.sms.twilio.account-sid", ACCOUNT_SID),
                Map.entry("outband.sms.twilio.auth-token", AUTH_TOKEN),
                Map.entry("outband.sms.twilio.from", SENDER_NUMBER),
                Map.entry("outband.sms.twilio.api-url", twilio.baseUrl()),
                Map.entry("outband.sms.rate-per-second", "200"),
                // A meeting calls everyone at once: at Twilio's default of one a second a test of eight would wait seven.
                Map.entry("outband.voice.calls-per-second", "50"),
                Map.entry("outband.sms.retry.initial-backoff", "PT0.05S"),
                Map.entry("outband.sms.retry.max-backoff", "PT0.2S"),
                Map.entry("outband.mail.provider", "smtp"),
                Map.entry("outband.mail.smtp.host", "127.0.0.1"),
                Map.entry("outband.mail.smtp.port", Integer.toString(smtp.getSmtp().getPort())),
                Map.entry("outband.mail.smtp.starttls", "none"),
                Map.entry("outband.mail.smtp.from", "Outband <outband@example.org>"),
                Map.entry("outband.mail.smtp.reply-to", "krisledning@example.org"));
    }

    /**
     * From now on, what the fakes receive is the calling test's. Twilio accepts every message again; what
     * an earlier test still had on its way is let through first (or it would arrive during this test and be
     * counted as this test's), and then what the fakes received is forgotten.
     */
    public static void reset() {
        acceptEverything();
        await("messages of an earlier test still on their way to the providers").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
        twilio.resetRequests();
        purgeMail();
    }

    /** Twilio accepts every message, as its API does: 201 with the message resource. */
    private static void acceptEverything() {
        twilio.resetAll();
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\","
                                + " \"account_sid\": \"" + ACCOUNT_SID + "\", \"num_segments\": \"1\"}")
                        .withTransformers("response-template")));
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Calls.json")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"CA{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\","
                                + " \"account_sid\": \"" + ACCOUNT_SID + "\"}")
                        .withTransformers("response-template")));
        // Ending a meeting completes its conference.
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Conferences/CF[0-9a-f]{32}.json")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"CF0123456789abcdef0123456789abcdef\", \"status\": \"completed\","
                                + " \"account_sid\": \"" + ACCOUNT_SID + "\"}")));
        // Reading the account is how Outband finds a failing Twilio back.
        twilio.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + ".json")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + ACCOUNT_SID + "\", \"friendly_name\": \"Outband test\", \"status\": \"active\","
                                + " \"type\": \"Full\"}")));
    }

    private static void purgeMail() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Twilio's error answer: the HTTP status with its JSON body. */
    public static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\":"
                        + " \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}");
    }

    /** Posts to one of Outband's webhooks as Twilio does: form-encoded, signed over the public URL. */
    public static ValidatableResponse callAsTwilio(String path, Map<String, String> params) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", TwilioSignature.sign(AUTH_TOKEN, PUBLIC_URL + path, params))
                .formParams(params).post(path).then();
    }

    @Override
    public void stop() {
        if (twilio != null) {
            twilio.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
