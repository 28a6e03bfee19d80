package se.outband.messaging.providers.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/**
 * Twilio knows Outband by its account and token on every request, never by a cookie. A cookie its
 * answer sets is not kept and not sent back: handling cookies cost every message a lookup, and the
 * first bulletin after a start had its senders queue for the cookie rules.
 */
class TwilioCookiesTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages.json";

    private WireMockServer twilio;

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        twilio.stubFor(post(urlPathMatching(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "session=kept-by-nobody; Path=/")
                .withBody("{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}")));
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    @Test
    void aCookieFromTwilioIsNeverSentBack() {
        TwilioRestClient client = new TwilioRestClient.Builder(SlowTwilio.ACCOUNT_SID, "token")
                .httpClient(new BaseUrlHttpClient(URI.create(twilio.baseUrl()), 2))
                .build();
        for (int i = 0; i < 2; i++) {
            Message sent = Message.creator(new PhoneNumber("+46701234567"), new PhoneNumber("Outband"), "Test " + i).create(client);
            assertEquals("SM0123456789abcdef0123456789abcdef", sent.getSid());
        }
        twilio.verify(2, postRequestedFor(urlPathMatching(MESSAGES)).withHeader("Authorization", matching("Basic .+")));
        twilio.verify(2, postRequestedFor(urlPathMatching(MESSAGES)).withHeader("Cookie", absent()));
    }
}
