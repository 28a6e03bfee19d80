package se.outband.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import se.outband.common.Database;
import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.email.MailConfig;
import se.outband.messaging.providers.email.MailGateway;
import se.outband.messaging.providers.email.OutgoingMail;
import se.outband.messaging.providers.sms.FailoverSmsGateway;
import se.outband.messaging.providers.voice.CallGateway;
import se.outband.statuspage.StatusPageAddress;

/**
 * Works through the outbox: one {@link Lane} per channel, each a small queue of claimed deliveries that a
 * fixed number of workers send (bounded concurrency; each SMS provider is paced by its own rate and
 * concurrency in {@link FailoverSmsGateway}). It is woken when deliveries are queued and polls for retries that fall due.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** Starting a call takes one request; Twilio paces calls to about one a second, so two senders keep up. */
    private static final int CALLERS = 2;
    /** How long a stopping instance gives the messages in its senders' hands (a service manager waits longer before it kills). */
    static final Duration FINISH = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final FailoverSmsGateway sms;
    private final MailGateway mail;
    private final CallGateway calls;
    private final String statusPageUrl;
    private final ResultRecorder results;
    private final HeldDeliveries held;
    private final Clock clock;
    private final Lane smsLane;
    private final Lane mailLane;
    private final Lane voiceLane;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean signalled;
    private Thread pump;
    /** When the claiming loop last went round: what readiness reports. */
    private volatile Instant pumpBeat;

    Dispatcher(Outbox outbox, Claims claims, HeldDeliveries held, ResultRecorder results, FailoverSmsGateway sms, MailGateway mail, MailConfig mailConfig,
            CallGateway calls, StatusPageAddress statusPage, Clock clock) {
        this.outbox = outbox;
        this.held = held;
        this.results = results;
        this.sms = sms;
        this.mail = mail;
        this.calls = calls;
        this.statusPageUrl = statusPage.url();
        this.clock = clock;
        this.pumpBeat = clock.instant();
        this.smsLane = new Lane(Channel.SMS, sms.maxConcurrency(), claims, held, this::send, this::wake);
        this.mailLane = new Lane(Channel.EMAIL, mailConfig.maxConcurrency(), claims, held, this::send, this::wake);
        this.voiceLane = new Lane(Channel.VOICE, CALLERS, claims, held, this::send, this::wake);
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
        results.start();
        smsLane.start();
        mailLane.start();
        voiceLane.start();
        pump = Loops.daemon(this::pump, "outband-dispatcher");
    }

    /**
     * A stop (a rolling restart, SIGTERM) in order: nothing more is claimed, the senders finish what is in
     * their hands within {@link #FINISH}, its results are stored, and what was claimed but never started is
     * handed back at once. So a stopping instance sends nothing twice and leaves nothing for a lease to free.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (pump != null) {
            pump.join(TimeUnit.SECONDS.toMillis(5));
        }
        List<Lane> lanes = List.of(smsLane, mailLane, voiceLane);
        lanes.forEach(Lane::stop);
        long deadline = System.nanoTime() + FINISH.toNanos();
        List<Long> unstarted = new ArrayList<>();
        for (Lane lane : lanes) {
            unstarted.addAll(lane.finish(deadline));
        }
        results.stop();
        if (!unstarted.isEmpty()) {
            int returned = outbox.handBack(unstarted);
            unstarted.forEach(held::release);
            LOG.infof("Stopping: %d deliveries claimed but not yet sent are queued again for another instance", returned);
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
                            signal.wait(Loops.POLL.toMillis());
                        }
                        signalled = false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // A database hiccup or a moment without memory must not stop sending for good: pause, carry on.
                Loops.survive("Dispatcher could not claim deliveries; trying again", e);
            }
        }
    }

    /** For readiness: is each loop going round, and when was a send result last stored. */
    public record Liveness(boolean pumpAlive, Instant pumpBeat, boolean recorderAlive, Instant recorderBeat, Instant lastProgress) {
    }

    public Liveness liveness() {
        return new Liveness(pump != null && pump.isAlive(), pumpBeat, results.alive(), results.beat(), results.lastStored());
    }

    private void send(Claims.Claimed claimed) {
        try {
            results.store(new Outbox.Outcome(claimed.deliveryId(), claimed.channel(), attempt(claimed)));
        } finally {
            held.release(claimed.deliveryId());
        }
    }

    private SendResult attempt(Claims.Claimed claimed) {
        try {
            return switch (claimed.channel()) {
                case SMS -> sms.send(claimed.address(), claimed.message(), claimed.smsSegments());
                case EMAIL -> mail.send(OutgoingMail.of(claimed.address(), claimed.message(), statusPageUrl)
                        .unsubscribedAt(claimed.unsubscribeUrl()));
                case VOICE -> calls.call(claimed.deliveryId(), claimed.address());
            };
        } catch (Throwable e) {
            Loops.survive("Sending delivery " + claimed.deliveryId() + " failed unexpectedly", e);
            return new SendResult.Retry("Unexpected error: " + e);
        }
    }
}
