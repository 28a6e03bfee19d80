package se.outband.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.AtOnce;
import se.outband.common.LinkTokens;
import se.outband.common.ScheduledJobs;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * Two instances fan the same notice out at the same moment, batch after batch, each as its schedule would run it:
 * every SMS subscriber gets one SMS and every email subscriber one mail, none two. The schedules are paused, so the
 * two threads here are the only instances. {@code -Dsubscribers.at-once=2000} for many batches (default 40: one
 * batch on each channel, claimed by both at once).
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class FanOutAtOnceTest {

    private static final int SUBSCRIBERS = Integer.getInteger("subscribers.at-once", 40);
    private static final List<String> JOBS = List.of("subscriber-notices", "subscriber-mails");

    @Inject
    ScheduledJobs jobs;

    @Inject
    NoticeFanOut sms;

    @Inject
    MailFanOut mail;

    private final List<String> numbers = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private String unique;

    @BeforeEach
    void subscribersAndNoOtherInstance() throws InterruptedException {
        FakeProviders.reset();
        awaitNothingLeft();
        for (String job : JOBS) {
            jobs.pause(job);
        }
        unique = UUID.randomUUID().toString().substring(0, 8);
        int base = (int) (Math.random() * 900) * 1000;
        for (int i = 0; i < SUBSCRIBERS; i++) {
            numbers.add("+46708" + String.format("%06d", base + i));
            addresses.add("s" + i + "-" + unique + "@example.net");
        }
        Instant before = Instant.now().minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> {
            NoticeFanOutTest.subscribe(numbers, before);
            for (String address : addresses) {
                EmailSubscriber subscriber = new EmailSubscriber();
                subscriber.email = address;
                subscriber.language = "sv";
                subscriber.confirmationsOn = LocalDate.now();
                subscriber.unsubscribeToken = LinkTokens.newToken();
                subscriber.createdAt = before;
                subscriber.confirmedAt = before;
                subscriber.persist();
            }
        });
    }

    @AfterEach
    void noneLeft() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SmsSubscriber.delete("mobile in ?1", numbers);
                EmailSubscriber.delete("email in ?1", addresses);
            });
            awaitNothingLeft();
        } finally {
            JOBS.forEach(jobs::resume);
        }
    }

    @Test
    void twoInstancesAtOnceSendEachSubscriberOneSmsAndOneMail() throws Exception {
        long notice = QuarkusTransaction.requiringNew().call(() -> {
            SubscriberNotice stored = new SubscriberNotice();
            stored.updateId = -System.nanoTime();
            stored.textSv = stored.textEn = "Exempelby: Ny störning: Prov " + unique + ". https://outband.test/status/";
            stored.mailSv = stored.mailEn = "Exempelby: Ny störning: Prov " + unique + ".\n\nBara ett prov.";
            stored.createdAt = Instant.now();
            stored.persist();
            return stored.id;
        });
        long started = System.nanoTime();
        List<Callable<Integer>> instances = List.of(instance(sms::fanOut, notice, "done"), instance(mail::fanOut, notice, "mailDone"),
                instance(sms::fanOut, notice, "done"), instance(mail::fanOut, notice, "mailDone"));
        List<Integer> runs = AtOnce.run(instances);
        awaitNothingLeft();
        System.out.printf("FIGURES fan-out at once: %d SMS and %d email subscribers, two instances each, runs %s, all sent in %d ms%n",
                SUBSCRIBERS, SUBSCRIBERS, runs, (System.nanoTime() - started) / 1_000_000);

        Map<String, Long> smsPerNumber = smsRequests().stream().filter(r -> r.get("Body").contains(unique))
                .collect(Collectors.groupingBy(r -> r.get("To"), Collectors.counting()));
        assertEquals(Set.copyOf(numbers), smsPerNumber.keySet(), "every SMS subscriber");
        assertEquals(Set.of(1L), Set.copyOf(smsPerNumber.values()), "each once: " + twice(smsPerNumber));
        Map<String, Long> mailPerAddress = Arrays.stream(FakeProviders.smtp().getReceivedMessages()).filter(m -> body(m).contains(unique))
                .collect(Collectors.groupingBy(EmailSubscriptionTest::to, Collectors.counting()));
        assertEquals(Set.copyOf(addresses), mailPerAddress.keySet(), "every email subscriber");
        assertEquals(Set.of(1L), Set.copyOf(mailPerAddress.values()), "each once: " + twice(mailPerAddress));
    }

    /** An instance's runs of one fan-out, one after another as its schedule starts them, until the notice is all queued. */
    private static Callable<Integer> instance(Runnable fanOut, long notice, String doneColumn) {
        return () -> {
            int[] runs = {0};
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                    .until(() -> {
                        fanOut.run();
                        runs[0]++;
                        return QuarkusTransaction.requiringNew().call(() -> SubscriberNotice.count("id = ?1 and " + doneColumn + " = true",
                                notice)) == 1;
                    });
            return runs[0];
        };
    }

    private static Map<String, Long> twice(Map<String, Long> perAddress) {
        return perAddress.entrySet().stream().filter(e -> e.getValue() > 1).limit(5).collect(Collectors.toMap(Map.Entry::getKey,
                Map.Entry::getValue));
    }

    private static void awaitNothingLeft() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Delivery.count("state in ?1",
                        List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }

    private static String body(MimeMessage mail) {
        try {
            return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
