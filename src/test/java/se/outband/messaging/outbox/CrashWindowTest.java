package se.outband.messaging.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.LockModeType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;

/**
 * If Outband dies mid-send, what it sent but had not yet recorded is sent again after the restart.
 * That window must never hold more messages than there are senders (outband.sms.max-concurrency,
 * 20 here), even when the database is slow to store results.
 */
@QuarkusTest
class CrashWindowTest {

    private static final int SENDERS = 20;
    private static final String TEXT = "Fönstret";

    @AfterEach
    void reset() {
        FakeProviders.reset();
    }

    /** This bulletin's messages Twilio has taken: another test's are no part of the window. */
    private static int acceptedByTwilio() {
        return (int) MessagingTestSupport.smsRequests().stream().filter(sms -> TEXT.equals(sms.get("Body"))).count();
    }

    private static int recordedAsSent(long id) {
        Map<String, Number> sms = as(Roles.SENDER).get("/api/bulletins/" + id).then().extract().path("deliveries.sms");
        return sms.getOrDefault("SENT", 0).intValue();
    }

    @Test
    void sentButUnrecordedNeverExceedsTheSendersWhileTheDatabaseIsSlow() throws Exception {
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        for (int i = 0; i < 300; i++) {
            csv.append("window").append(i).append(",Person ").append(i).append(",070-3").append(String.format("%06d", i))
                    .append(",Fönster\n");
        }
        replaceContacts(csv.toString());
        FakeProviders.reset();
        long id = MessagingTestSupport.sendOk(Map.of("text", TEXT, "groups", List.of("Fönster")));
        await().atMost(Duration.ofSeconds(5)).until(() -> acceptedByTwilio() > 0);

        // Another transaction holds the bulletin's rows for two seconds: storing results has to wait.
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> slowDatabase = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            Delivery.find("bulletinId", id).withLock(LockModeType.PESSIMISTIC_WRITE).list();
            held.countDown();
            sleep(2000);
        }));
        // The window is watched while the rows are held, not while the lock is still being taken.
        held.await(30, TimeUnit.SECONDS);
        int widest = 0;
        long until = System.nanoTime() + Duration.ofMillis(1800).toNanos();
        while (System.nanoTime() < until) {
            // Read Twilio's count first: the database can only have caught up since, so this never overstates the window.
            int accepted = acceptedByTwilio();
            widest = Math.max(widest, accepted - recordedAsSent(id));
            sleep(50);
        }
        slowDatabase.get();
        int window = widest;
        assertTrue(window <= SENDERS, () -> window + " messages were sent but not recorded at once; a crash would send them twice");
        MessagingTestSupport.awaitDeliveries(id, MessagingTestSupport.inState("SENT"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
