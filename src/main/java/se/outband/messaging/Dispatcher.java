package se.outband.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import se.outband.common.Database;
import se.outband.common.Text;
import se.outband.messaging.email.MailConfig;
import se.outband.messaging.email.MailGateway;
import se.outband.messaging.email.OutgoingMail;
import se.outband.messaging.sms.FailoverSmsGateway;
import se.outband.messaging.voice.CallGateway;
import se.outband.statuspage.StatusPageAddress;

/**
 * Works through the outbox: one lane per channel, each a small queue of claimed deliveries that a
 * fixed number of workers send (bounded concurrency; each SMS provider is paced by its own rate and
 * concurrency in {@link FailoverSmsGateway}). It is woken when deliveries are queued and polls for retries that fall due.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final Duration POLL = Duration.ofMillis(250);
    /** Starting a call takes one request; Twilio paces calls to about one a second, so two senders keep up. */
    private static final int CALLERS = 2;

    private final Outbox outbox;
    private final FailoverSmsGateway sms;
    private final MailGateway mail;
    private final String statusPageUrl;
    private final Lane smsLane;
    private final Lane mailLane;
    private final Lane voiceLane;
    private final CallGateway calls;
    private final ResultRecorder results;
    private final Object signal = new Object();
    private final HeldDeliveries held;
    private volatile boolean running;
    private boolean signalled;
    private Thread pump;
    private final Clock clock;
    /** When the claiming loop last went round: what readiness reports. */
    private volatile Instant pumpBeat;

    Dispatcher(Outbox outbox, HeldDeliveries held, FailoverSmsGateway sms, MailGateway mail, MailConfig mailConfig, CallGateway calls,
            StatusPageAddress statusPage, Clock clock) {
        this.held = held;
        this.clock = clock;
        this.pumpBeat = clock.instant();
        this.results = new ResultRecorder(outbox, clock);
        this.outbox = outbox;
        this.sms = sms;
        this.mail = mail;
        this.statusPageUrl = statusPage.url();
        this.smsLane = new Lane(Channel.SMS, sms.maxConcurrency());
        this.mailLane = new Lane(Channel.EMAIL, mailConfig.maxConcurrency());
        this.calls = calls;
        this.voiceLane = new Lane(Channel.VOICE, CALLERS);
    }

    /** On a shared database, what a stopped instance was sending comes back when its lease runs out instead. */
    void start(@Observes StartupEvent event, Database database) {
        if (database.embedded()) {
            int requeued = outbox.requeueInterrupted();
            if (requeued > 0) {
                LOG.infof("Queued %d deliveries again that were being sent when Outband stopped", requeued);
            }
        }
        running = true;
        smsLane.start();
        mailLane.start();
        voiceLane.start();
        pump = daemon(this::pump, "outband-dispatcher");
        results.start();
    }

    static Thread daemon(Runnable body, String name) {
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
        voiceLane.stop();
        results.stop();
        if (pump != null) {
            pump.join(TimeUnit.SECONDS.toMillis(5));
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
                boolean more = smsLane.refill() | mailLane.refill() | voiceLane.refill();
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
    static void survive(String what, Throwable e) {
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
        return new Liveness(pump != null && pump.isAlive(), pumpBeat, results.alive(), results.beat(), results.lastStored());
    }

    private void send(Outbox.Claimed claimed) {
        try {
            results.store(new Outbox.Outcome(claimed.deliveryId(), attempt(claimed)));
        } finally {
            held.release(claimed.deliveryId());
        }
    }

    private SendResult attempt(Outbox.Claimed claimed) {
        SendResult result;
        try {
            result = switch (claimed.channel()) {
                case SMS -> sms.send(claimed.address(), claimed.message(), claimed.smsSegments());
                case EMAIL -> mail.send(new OutgoingMail(claimed.address(), subject(claimed.message()), claimed.message(), statusPageUrl));
                case VOICE -> calls.call(claimed.deliveryId(), claimed.address());
            };
        } catch (Throwable e) {
            survive("Sending delivery " + claimed.deliveryId() + " failed unexpectedly", e);
            result = new SendResult.Retry("Unexpected error: " + e);
        }
        return result;
    }

    /** The first line of the message, shortened to what mail clients show. */
    static String subject(String message) {
        String firstLine = message.lines().findFirst().orElse("").strip();
        return Text.clip(firstLine, 78);
    }

    static void sleep(Duration duration) {
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
            held.hold(claimed);
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
