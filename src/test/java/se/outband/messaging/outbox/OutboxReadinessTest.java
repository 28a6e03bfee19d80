package se.outband.messaging.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static se.outband.TestApi.replaceContacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;

/** Bulletins accepted but not sent must not hide behind "UP": readiness says what is stuck. */
@QuarkusTest
class OutboxReadinessTest {

    @Inject
    TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        FakeProviders.reset();
    }

    @Test
    void messagesDueWithNothingSentForMinutesTurnReadinessDownWithAReason() {
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        for (int i = 0; i < 100; i++) {
            csv.append("stuck").append(i).append(",Person ").append(i).append(",070-2").append(String.format("%06d", i))
                    .append(",Fastnat\n");
        }
        replaceContacts(csv.toString());
        given().get("/q/health/ready").then().statusCode(200);

        // Every sender hangs in a call to the provider; the rest of the bulletin waits behind them.
        StubMapping hanging = FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(3000).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")
                        .withTransformers("response-template")));
        long id = MessagingTestSupport.sendOk(Map.of("text", "Fastnar", "groups", List.of("Fastnat")));
        await().atMost(Duration.ofSeconds(5)).until(() -> MessagingTestSupport.smsRequests().size() >= 20);
        given().get("/q/health/ready").then().statusCode(200);

        clock.advance(Duration.ofMinutes(3));
        given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("messages have been due since"))
                .body(containsString("nothing has been sent or recorded since"));

        FakeProviders.twilio().removeStub(hanging);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        // Finished before the next test counts what the fake provider received.
        MessagingTestSupport.awaitDeliveries(id, MessagingTestSupport.inState("SENT"));
    }
}
