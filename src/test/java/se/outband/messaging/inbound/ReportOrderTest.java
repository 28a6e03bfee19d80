package se.outband.messaging.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.FakeProviders.callAsTwilio;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.delivery;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.AtOnce;
import se.outband.common.ScheduledJobs;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;

/** Twilio's reports arrive in any order and any number of times; each message falls back to email once. */
@QuarkusTest
class ReportOrderTest {

    private static final String STATUS = "/webhooks/twilio/status";
    private static final String SWEEP = "early-status-reports";

    @Inject
    ScheduledJobs jobs;

    @BeforeEach
    void reset() {
        replaceContacts(CONTACTS);
        FakeProviders.reset();
    }

    private static Map<String, String> report(String sid, String status, String code) {
        return Map.of("MessageSid", sid, "MessageStatus", status, "ErrorCode", code, "AccountSid", FakeProviders.ACCOUNT_SID);
    }

    @Test
    void aFailureReportedBeforeTwilioAnswersTheSendIsKeptAndApplied() throws InterruptedException {
        // Applied when the send result is stored, not by the sweep that catches a report of the same instant; paused
        // so that no run of it begins, not even one the scheduler had handed over just before.
        jobs.pause(SWEEP);
        try {
            failureReportedEarly();
        } finally {
            jobs.resume(SWEEP);
        }
    }

    private void failureReportedEarly() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        // Twilio takes its time answering the create call, and reports the failure meanwhile.
        FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(1500).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\"}")));
        long id = sendOk(Map.of("text", "Tidig rapport", "contactIds", List.of("m1")));
        await().atMost(Duration.ofSeconds(5)).until(() -> !MessagingTestSupport.smsRequests().isEmpty());
        callAsTwilio(STATUS, report(sid, "undelivered", "30003")).statusCode(204);

        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("UNDELIVERED", "DELIVERED"));
        assertEquals("UNDELIVERED", delivery(deliveries, "m1", "sms").get("state"));
        assertEquals("30003", delivery(deliveries, "m1", "sms").get("errorCode"));
        assertEquals("DELIVERED", delivery(deliveries, "m1", "email").get("state"));
        assertEquals(1, FakeProviders.smtp().getReceivedMessages().length);
    }

    @Test
    void identicalReportsAtTheSameMomentFallBackOnce() throws Exception {
        long id = sendOk(Map.of("text", "Dubbla rapporter", "contactIds", List.of("m1", "m2")));
        List<Map<String, Object>> sent = awaitDeliveries(id, inState("SENT"));
        List<Callable<Integer>> reports = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String sid = (String) delivery(sent, i % 2 == 0 ? "m1" : "m2", "sms").get("providerId");
            reports.add(() -> callAsTwilio(STATUS, report(sid, "failed", "30005")).extract().statusCode());
        }
        assertEquals(Collections.nCopies(8, 204), AtOnce.run(reports));
        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("FAILED", "DELIVERED"));
        assertEquals(4, deliveries.size(), deliveries::toString);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> FakeProviders.smtp().getReceivedMessages().length == 2);
    }
}
