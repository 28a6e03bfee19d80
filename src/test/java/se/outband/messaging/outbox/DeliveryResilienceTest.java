package se.outband.messaging.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.acceptedSms;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.deliveries;
import static se.outband.messaging.MessagingTestSupport.delivery;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.AtOnce;
import se.outband.access.Roles;
import se.outband.common.InstanceName;
import se.outband.common.ScheduledJobs;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.bulletins.Bulletin;
import se.outband.messaging.bulletins.ChannelPolicy;
import se.outband.messaging.bulletins.Recipient;
import se.outband.messaging.providers.sms.SmsSegments;

@QuarkusTest
class DeliveryResilienceTest {

    private static final List<String> EVERYONE_WITH_A_MOBILE = List.of("m1", "m2", "m3", "m6");

    @Inject
    Outbox outbox;

    @Inject
    Claims claims;

    @Inject
    Dispatcher dispatcher;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    HeldDeliveries held;

    @Inject
    ScheduledJobs jobs;

    @Inject
    InstanceName instance;

    @BeforeEach
    void reset() {
        replaceContacts(CONTACTS);
        FakeProviders.reset();
    }

    /** Answers {@code failures} times with an error for one number, then accepts as usual. */
    private static void failFirst(String encodedTo, int failures, int status, int code) {
        String scenario = "storm-" + encodedTo;
        for (int i = 0; i < failures; i++) {
            FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                    .withRequestBody(containing("To=" + encodedTo))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(FakeProviders.twilioError(status, code, "Simulated error " + status)));
        }
    }

    private static Map<String, Long> acceptedPerNumber() {
        return acceptedSms().stream().collect(Collectors.groupingBy(r -> r.get("To"), Collectors.counting()));
    }

    @Test
    void aStormOf429And500LosesNothingAndSendsEachOnce() {
        failFirst("%2B46701740605", 3, 429, 20429);
        failFirst("%2B46701740606", 2, 500, 20500);
        failFirst("%2B46701740607", 2, 503, 20503);

        double retriedBefore = MessagingTestSupport.counter("outband_deliveries_retried_total", "sms");
        long id = sendOk(Map.of("text", "Storm", "contactIds", EVERYONE_WITH_A_MOBILE));
        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("SENT"));

        assertEquals(4, deliveries.size());
        assertEquals(Map.of("+46701740605", 1L, "+46701740606", 1L, "+46701740607", 1L, "+46701740610", 1L), acceptedPerNumber());
        assertEquals(4, ((Number) delivery(deliveries, "m1", "sms").get("attempts")).intValue());
        assertEquals(3, ((Number) delivery(deliveries, "m2", "sms").get("attempts")).intValue());
        assertEquals(1, ((Number) delivery(deliveries, "m6", "sms").get("attempts")).intValue());
        assertEquals(0, FakeProviders.smtp().getReceivedMessages().length, "passing errors never fall back to email");
        assertEquals(retriedBefore + 7, MessagingTestSupport.counter("outband_deliveries_retried_total", "sms"),
                "every retry is counted: 3 + 2 + 2");
    }

    @Test
    void whenTwilioIsDownForAWhileEverythingIsDeliveredOnceItIsBack() {
        StubMapping down = FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .willReturn(FakeProviders.twilioError(503, 20503, "Service Unavailable")));

        long id = sendOk(Map.of("text", "Nere en stund", "contactIds", EVERYONE_WITH_A_MOBILE));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id).stream()
                .allMatch(d -> ((Number) d.get("attempts")).intValue() >= 3));
        as(Roles.SENDER).get("/api/bulletins/" + id).then()
                .body("lastError", containsString("20503"))
                .body("pending", equalTo(4));

        FakeProviders.twilio().removeStub(down);
        awaitDeliveries(id, inState("SENT"));
        assertEquals(Map.of("+46701740605", 1L, "+46701740606", 1L, "+46701740607", 1L, "+46701740610", 1L), acceptedPerNumber());
    }

    /**
     * What a dead instance leaves behind: rows it leased for sending whose result it never recorded,
     * each number with the end of its lease.
     */
    private static long leftSending(String text, Map<String, Instant> leases) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Bulletin bulletin = new Bulletin();
            bulletin.text = bulletin.message = text;
            bulletin.channels = ChannelPolicy.SMS_THEN_EMAIL;
            bulletin.audience = leases.size() + " contacts";
            bulletin.recipientCount = leases.size();
            bulletin.smsSegments = 1;
            bulletin.encoding = SmsSegments.Encoding.GSM7;
            bulletin.createdAt = now;
            bulletin.createdBy = "sender";
            bulletin.persist();
            leases.forEach((number, leaseUntil) -> {
                Recipient recipient = new Recipient();
                recipient.bulletinId = bulletin.id;
                recipient.contactId = number;
                recipient.name = number;
                recipient.mobile = number;
                recipient.persist();
                Delivery delivery = Delivery.queued(bulletin.id, recipient.id, Channel.SMS, number, null, now);
                delivery.state = DeliveryState.SENDING;
                delivery.attempts = 1;
                delivery.leasedBy = "an-instance-that-died";
                delivery.leaseUntil = leaseUntil;
                delivery.persist();
            });
            return bulletin.id;
        });
    }

    @Test
    void deliveriesInterruptedMidSendAreSentAfterARestart() {
        Instant leased = Instant.now().plus(outboxConfig.lease());
        long id = leftSending("Avbrutet", Map.of("+46701740605", leased, "+46701740606", leased));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> deliveries(id).stream().allMatch(d -> "SENDING".equals(d.get("state"))));
        assertEquals(0, acceptedSms().size(), "nothing in SENDING is picked up while running");

        // What the dispatcher does first when Outband starts again.
        assertEquals(2, outbox.requeueInterrupted());
        awaitDeliveries(id, inState("SENT"));
        assertEquals(Map.of("+46701740605", 1L, "+46701740606", 1L), acceptedPerNumber());
    }

    /** On a shared database another instance may still be sending: only a lease that ran out is taken over. */
    @Test
    void aDeadInstancesDeliveriesAreSentAgainOnlyWhenTheirLeaseRunsOut() throws Exception {
        // The reclaim is run by hand here: its own timer, every 5 s, would otherwise take an expired lease first.
        jobs.pause("outbox-lease-reclaim");
        try {
            Instant now = Instant.now();
            long id = leftSending("Övertaget", Map.of("+46701740605", now.plus(outboxConfig.lease()), "+46701740606", now.minusSeconds(1)));

            assertEquals(1, outbox.reclaimExpiredLeases());
            await().atMost(Duration.ofSeconds(10)).until(() -> acceptedPerNumber().containsKey("+46701740606"));
            assertEquals("SENDING", delivery(deliveries(id), "+46701740605", "sms").get("state"), "a live lease is left alone");

            // Its lease runs out (moved, not waited for: the shared test clock must not run ahead while results are stored).
            QuarkusTransaction.requiringNew().run(() -> Delivery.update("leaseUntil = ?1 where bulletinId = ?2 and state = ?3",
                    Instant.now().minusSeconds(1), id, DeliveryState.SENDING));
            assertEquals(1, outbox.reclaimExpiredLeases());
            awaitDeliveries(id, inState("SENT"));
            assertEquals(Map.of("+46701740605", 1L, "+46701740606", 1L), acceptedPerNumber());
        } finally {
            jobs.resume("outbox-lease-reclaim");
        }
    }

    /**
     * A live instance's messages may wait longer than a lease (their turn at a slow provider or a rate
     * shared with other instances); their lease is renewed meanwhile, so no other instance takes them over.
     */
    @Test
    void messagesHeldLongerThanALeaseAreRenewedNotTakenOverAndSentOnce() throws Exception {
        StubMapping slow = FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(3000).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")
                        .withTransformers("response-template")));
        jobs.pause("outbox-lease-reclaim");
        try {
            long id = sendOk(Map.of("text", "Vänta på tur", "contactIds", EVERYONE_WITH_A_MOBILE));
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(id).stream().filter(inState("SENDING")).count() == 4);
            // As if they had waited their turn longer than a lease.
            QuarkusTransaction.requiringNew().run(() -> Delivery.update("leaseUntil = ?1 where bulletinId = ?2 and state = ?3",
                    Instant.now().minusSeconds(1), id, DeliveryState.SENDING));

            held.renew();
            assertEquals(0, outbox.reclaimExpiredLeases(), "what a live instance holds is not taken over");
            FakeProviders.twilio().removeStub(slow);
            awaitDeliveries(id, inState("SENT"));
            assertEquals(Map.of("+46701740605", 1L, "+46701740606", 1L, "+46701740607", 1L, "+46701740610", 1L), acceptedPerNumber());
        } finally {
            jobs.resume("outbox-lease-reclaim");
        }
    }

    /**
     * Renewing never waits for a row another transaction holds (its result being stored): the renewal and the
     * result recorder, each waiting for a row the other had locked, deadlocked on PostgreSQL, and no message
     * left for the second the database took to break it.
     */
    @Test
    void renewingLeasesSkipsARowLockedElsewhereAndRenewsTheOthersAtOnce() throws Exception {
        jobs.pause("outbox-lease-renew");
        jobs.pause("outbox-lease-reclaim");
        List<Long> ids = new ArrayList<>();
        try {
            Instant expired = Instant.now().minusSeconds(1);
            long id = leftSending("Förnyas", Map.of("+46701749901", expired, "+46701749902", expired, "+46701749903", expired));
            ids.addAll(QuarkusTransaction.requiringNew().call(() -> {
                Delivery.update("leasedBy = ?1 where bulletinId = ?2", instance.toString(), id);
                return Delivery.<Delivery>list("bulletinId = ?1 order by id", id).stream().map(d -> d.id).toList();
            }));
            held.hold(ids.stream().map(deliveryId -> new Claims.Claimed(deliveryId, Channel.SMS, "+46701749900", "Förnyas", 1, null)).toList());
            try (LockedElsewhere storing = new LockedElsewhere(ids.get(0))) {
                held.renewLeases();
                assertTrue(storing.held(), "renewing waited for the locked row");
            }

            Map<Long, Instant> leases = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("bulletinId", id).stream()
                    .collect(Collectors.toMap(d -> d.id, d -> d.leaseUntil)));
            assertTrue(leases.get(ids.get(0)).isBefore(Instant.now()), "the locked row is left for the next renewal");
            assertTrue(leases.get(ids.get(1)).isAfter(Instant.now()) && leases.get(ids.get(2)).isAfter(Instant.now()), "the others are renewed");
        } finally {
            ids.forEach(held::release);
            // Never sent: closed, so no later reclaim sends them.
            if (!ids.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> Delivery.update("state = ?1 where id in ?2", DeliveryState.FAILED, ids));
            }
            jobs.resume("outbox-lease-reclaim");
            jobs.resume("outbox-lease-renew");
        }
    }

    /**
     * Taking over a dead instance's deliveries never waits for a row another transaction holds either: in a
     * failover, this instance's recorder may be storing the answer of a delivery whose lease ran out meanwhile.
     */
    @Test
    void reclaimingSkipsARowLockedElsewhereAndTakesTheOthersAtOnce() throws Exception {
        jobs.pause("outbox-lease-reclaim");
        try {
            Instant expired = Instant.now().minusSeconds(1);
            long id = leftSending("Tas över", Map.of("+46701749911", expired, "+46701749912", expired, "+46701749913", expired));
            long first = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("bulletinId = ?1 order by id", id).firstResult().id);
            try (LockedElsewhere storing = new LockedElsewhere(first)) {
                assertEquals(2, outbox.reclaimExpiredLeases(), "the rows nobody holds are taken over");
                assertTrue(storing.held(), "reclaiming waited for the locked row");
            }
            assertEquals(1, outbox.reclaimExpiredLeases(), "the row is taken over once it is free");

            awaitDeliveries(id, inState("SENT"));
            assertEquals(Map.of("+46701749911", 1L, "+46701749912", 1L, "+46701749913", 1L), acceptedPerNumber());
        } finally {
            jobs.resume("outbox-lease-reclaim");
        }
    }

    /** Claims racing each other (and the dispatcher's own) take disjoint rows: nothing claimed is sent by two. */
    @Test
    void claimsAtTheSameMomentNeverTakeTheSameDelivery() throws Exception {
        Map<String, Instant> numbers = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            numbers.put("+467017" + String.format("%05d", i), Instant.now());
        }
        long id = leftSending("Kapplöpning", numbers);
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("state = ?1, leasedBy = null, leaseUntil = null where bulletinId = ?2",
                DeliveryState.QUEUED, id));
        dispatcher.wake();
        Set<Long> claimedHere = new HashSet<>();
        try {
            List<List<Long>> racers = AtOnce.run(4, () -> {
                List<Long> mine = new ArrayList<>();
                List<Claims.Claimed> batch;
                do {
                    batch = claims.claim(Channel.SMS, 7);
                    batch.forEach(c -> mine.add(c.deliveryId()));
                } while (!batch.isEmpty());
                return mine;
            });
            racers.forEach(claimedHere::addAll);
            assertEquals(racers.stream().mapToInt(List::size).sum(), claimedHere.size(), "no row claimed twice by the racers");
            // The dispatcher may hold rows it claimed and has not sent yet: wait until it has sent all it took.
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id).stream()
                    .filter(d -> !claimedHere.contains(((Number) d.get("id")).longValue()))
                    .allMatch(inState("SENT", "DELIVERED")));

            Set<String> claimedNumbers = deliveries(id).stream().filter(d -> claimedHere.contains(((Number) d.get("id")).longValue()))
                    .map(d -> (String) d.get("address")).collect(Collectors.toSet());
            Map<String, Long> sent = acceptedPerNumber();
            assertTrue(sent.values().stream().allMatch(n -> n == 1), "the dispatcher sent each once");
            assertTrue(claimedNumbers.stream().noneMatch(sent::containsKey), "nothing the racers hold was also sent");
            assertEquals(400, claimedNumbers.size() + sent.size(), "every row taken by exactly one");
        } finally {
            // The racers never send: their rows are closed so no later lease reclaim sends them.
            if (!claimedHere.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> Delivery.update("state = ?1 where id in ?2 and state = ?3",
                        DeliveryState.FAILED, List.copyOf(claimedHere), DeliveryState.SENDING));
            }
        }
    }

    @Test
    void aMessageThatCannotBeSentWithinTheLimitIsGivenUpAndFallsBack() {
        FakeProviders.twilio().stubFor(post(urlPathMatching(".*/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=%2B46701740605"))
                .willReturn(FakeProviders.twilioError(503, 20503, "Service Unavailable")));
        long id = sendOk(Map.of("text", "Ger upp", "contactIds", List.of("m1")));
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) deliveries(id).get(0).get("attempts")).intValue() >= 2);
        // Pretend the bulletin was queued long ago, beyond outband.sms.retry.give-up-after.
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("createdAt = ?1 where bulletinId = ?2",
                Instant.now().minus(Duration.ofDays(2)), id));
        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("FAILED", "DELIVERED"));
        assertEquals("gave-up", delivery(deliveries, "m1", "sms").get("errorCode"));
        assertEquals("DELIVERED", delivery(deliveries, "m1", "email").get("state"));
    }
}
