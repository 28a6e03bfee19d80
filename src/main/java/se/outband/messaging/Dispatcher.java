package se.outband.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import se.outband.common.OutbandConfig;
import se.outband.messaging.email.MailConfig;
import se.outband.messaging.email.MailGateway;
import se.outband.messaging.email.OutgoingMail;
import se.outband.messaging.sms.SmsConfig;
import se.outband.messaging.sms.SmsGateway;

/**
 * Works through the outbox: one lane per channel, each a small queue of claimed deliveries that a
 * fixed number of workers send (bounded concurrency), SMS additionally paced by a token bucket in
 * segments per second. It is woken when deliveries are queued and polls for retries that fall due.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int RECORD_BATCH = 200;
    /** Longer than any message (1,600 UCS-2 characters is 24 segments), so one message always fits in the bucket. */
    private static final int MIN_BUCKET = 30;

    private final Outbox outbox;
    private final SmsGateway sms;
    private final MailGateway mail;
    private final String statusPageUrl;
    private final Lane smsLane;
    private final Lane mailLane;
    private final Bucket smsBucket;
    private final LinkedBlockingQueue<Outbox.Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean signalled;
    private Thread pump;
    private Thread recorder;
    private final Clock clock;
    /** When each loop last went round, and when a send result was last stored: what readiness reports. */
    private volatile Instant pumpBeat;
    private volatile Instant recorderBeat;
    private volatile Instant lastProgress;

    Dispatcher(Outbox outbox, SmsGateway sms, MailGateway mail, SmsConfig smsConfig, MailConfig mailConfig, OutbandConfig outband,
            Clock clock) {
        this.clock = clock;
        this.pumpBeat = this.recorderBeat = this.lastProgress = clock.instant();
        this.outbox = outbox;
        this.sms = sms;
        this.mail = mail;
        this.statusPageUrl = outband.link("/status/");
        this.smsLane = new Lane(Channel.SMS, smsConfig.maxConcurrency());
        this.mailLane = new Lane(Channel.EMAIL, mailConfig.maxConcurrency());
        long capacity = Math.max(MIN_BUCKET, (long) Math.ceil(smsConfig.ratePerSecond()));
        this.smsBucket = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, Duration.ofNanos((long) (capacity / smsConfig.ratePerSecond() * 1e9)))
                        .build())
                .build();
    }

    void start(@Observes StartupEvent event) {
        int requeued = outbox.requeueInterrupted();
        if (requeued > 0) {
            LOG.infof("Queued %d deliveries again that were being sent when Outband stopped", requeued);
        }
        running = true;
        smsLane.start();
        mailLane.start();
        pump = daemon(this::pump, "outband-dispatcher");
        recorder = daemon(this::recordOutcomes, "outband-outcome-recorder");
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        smsLane.stop();
        mailLane.stop();
        if (pump != null) {
            pump.join(TimeUnit.SECONDS.toMillis(5));
            recorder.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued event) {
        wake();
    }

    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void pump() {
        while (running) {
            pumpBeat = clock.instant();
            try {
                boolean more = smsLane.refill() | mailLane.refill();
                if (!more) {
                    synchronized (signal) {
                        if (!signalled) {
                            signal.wait(POLL.toMillis());
                        }
                        signalled = false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // A database hiccup or a moment without memory must not stop sending for good: pause, carry on.
                survive("Dispatcher could not claim deliveries; trying again", e);
            }
        }
    }

    /** What every loop does with what it cannot handle: say so, wait a little, and go on. */
    private static void survive(String what, Throwable e) {
        try {
            LOG.error(what, e);
        } catch (Throwable logging) {
            // Without memory even logging can fail; going on matters more than the line.
        }
        sleep(POLL);
    }

    /** For readiness: is each loop going round, and when was a send result last stored. */
    public record Liveness(boolean pumpAlive, Instant pumpBeat, boolean recorderAlive, Instant recorderBeat, Instant lastProgress) {
    }

    public Liveness liveness() {
        return new Liveness(pump != null && pump.isAlive(), pumpBeat, recorder != null && recorder.isAlive(), recorderBeat,
                lastProgress);
    }

    private void send(Outbox.Claimed claimed) {
        SendResult result;
        try {
            if (claimed.channel() == Channel.SMS) {
                smsBucket.asBlocking().consume(claimed.smsSegments());
                result = sms.send(claimed.address(), claimed.message());
            } else {
                result = mail.send(new OutgoingMail(claimed.address(), subject(claimed.message()), claimed.message(), statusPageUrl));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new SendResult.Retry("Outband was stopping");
        } catch (Throwable e) {
            survive("Sending delivery " + claimed.deliveryId() + " failed unexpectedly", e);
            result = new SendResult.Retry("Unexpected error: " + e);
        }
        outcomes.add(new Outbox.Outcome(claimed.deliveryId(), result));
    }

    /**
     * Stores what providers answered, many at a time: one transaction per message would cap sending
     * at what the database commits per second. An answer not yet stored when Outband dies leaves its
     * row in SENDING, to be sent again after the restart (at-least-once).
     */
    private void recordOutcomes() {
        List<Outbox.Outcome> batch = new ArrayList<>(RECORD_BATCH);
        while (running || !outcomes.isEmpty()) {
            recorderBeat = clock.instant();
            try {
                Outbox.Outcome first = outcomes.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, RECORD_BATCH - 1);
                outbox.record(batch);
                lastProgress = clock.instant();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                recordOneByOne(batch, e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Stores what it can of a batch that failed as a whole; what still fails stays SENDING until a restart. */
    private void recordOneByOne(List<Outbox.Outcome> batch, Throwable cause) {
        survive("Could not store " + batch.size() + " send results together; storing them one by one", cause);
        for (Outbox.Outcome outcome : batch) {
            try {
                outbox.record(List.of(outcome));
                lastProgress = clock.instant();
            } catch (Throwable e) {
                survive("Could not store the result of delivery " + outcome.deliveryId()
                        + "; it will be sent again after a restart", e);
            }
        }
    }

    /** The first line of the message, shortened to what mail clients show. */
    static String subject(String message) {
        String firstLine = message.lines().findFirst().orElse("").strip();
        return firstLine.length() <= 78 ? firstLine : firstLine.substring(0, 77) + "…";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A channel's workers and the claimed deliveries waiting for them. The pump keeps about two
     * deliveries per worker claimed, so workers never wait for the database and a crash leaves at
     * most that many to be sent again.
     */
    private final class Lane {
        private final Channel channel;
        private final int workers;
        private final LinkedBlockingQueue<Outbox.Claimed> waiting = new LinkedBlockingQueue<>();
        private ExecutorService pool;

        Lane(Channel channel, int workers) {
            this.channel = channel;
            this.workers = workers;
        }

        void start() {
            pool = Executors.newFixedThreadPool(workers, runnable -> {
                Thread thread = new Thread(runnable, "outband-" + channel.key() + "-sender");
                thread.setDaemon(true);
                return thread;
            });
            for (int i = 0; i < workers; i++) {
                pool.execute(this::work);
            }
        }

        void stop() throws InterruptedException {
            if (pool != null) {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }

        /** Claims more when fewer than one per worker wait; true when it claimed a full batch (there may be more). */
        boolean refill() {
            int room = 2 * workers - waiting.size();
            if (waiting.size() >= workers) {
                return false;
            }
            List<Outbox.Claimed> claimed = outbox.claim(channel, room);
            waiting.addAll(claimed);
            return claimed.size() == room;
        }

        private void work() {
            while (running) {
                try {
                    Outbox.Claimed next = waiting.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    if (next != null) {
                        if (waiting.size() < workers) {
                            wake();
                        }
                        send(next);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable e) {
                    survive("A " + channel.key() + " sender stumbled; it goes on", e);
                }
            }
        }
    }
}
