package se.outband.messaging.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.access.Roles;
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
        String ready = given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'outbox' }.data.reason",
                        containsString("Messages have been due for minutes and nothing has been sent or recorded since"))
                .extract().asString();
        assertFalse(ready.matches("(?s).*[0-9].*"), "the public answer holds no count or time: " + ready);
        // How many and since when, for those signed in.
        as(Roles.SENDER).get("/q/health/group/details").then().statusCode(503)
                .body("checks.find { it.name == 'outbox' }.data.due", greaterThan(0))
                .body("checks.find { it.name == 'outbox' }.data.oldestDue", not(equalTo("none")))
                .body("checks.find { it.name == 'outbox' }.data.lastResultStored", notNullValue());

        FakeProviders.twilio().removeStub(hanging);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        // Finished before the next test counts what the fake provider received.
        MessagingTestSupport.awaitDeliveries(id, MessagingTestSupport.inState("SENT"));
    }
}
