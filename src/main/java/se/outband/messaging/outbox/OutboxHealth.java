package se.outband.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.HealthGroup;
import se.outband.common.Health;

/**
 * Readiness says, in words, when bulletins would be accepted but not sent: a dispatcher or recorder
 * loop that stopped going round, or messages due for sending while nothing has been sent or recorded
 * for a while (a provider that is down still counts as progress: its refusals are recorded as retries).
 * How many are due and since when are figures for signed-in roles only ({@link Health}).
 */
@ApplicationScoped
public class OutboxHealth {

    /** The loops go round at least every quarter second; this is far beyond any pause. */
    static final Duration SILENT_LOOP = Duration.ofSeconds(30);
    static final Duration STALLED = Duration.ofMinutes(2);

    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final Clock clock;

    OutboxHealth(Dispatcher dispatcher, Outbox outbox, Clock clock) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Produces
    @Readiness
    HealthCheck readiness() {
        return () -> health().publicly();
    }

    @Produces
    @HealthGroup(Health.DETAILS)
    HealthCheck details() {
        return () -> health().inDetail();
    }

    Health health() {
        Instant now = clock.instant();
        Dispatcher.Liveness liveness = dispatcher.liveness();
        Outbox.Backlog backlog = outbox.backlog();
        List<String> problems = new ArrayList<>();
        if (!liveness.pumpAlive() || liveness.pumpBeat().isBefore(now.minus(SILENT_LOOP))) {
            problems.add("The dispatcher has stopped taking messages from the outbox.");
        }
        if (!liveness.recorderAlive() || liveness.recorderBeat().isBefore(now.minus(SILENT_LOOP))) {
            problems.add("The recorder of send results has stopped.");
        }
        if (backlog.due() > 0 && backlog.oldestDue().isBefore(now.minus(STALLED)) && liveness.lastProgress().isBefore(now.minus(STALLED))) {
            problems.add("Messages have been due for minutes and nothing has been sent or recorded since.");
        }
        return Health.of("outbox", problems.isEmpty(), problems.isEmpty() ? null : String.join(" ", problems))
                .with("due", backlog.due())
                .with("oldestDue", backlog.oldestDue())
                .with("lastResultStored", liveness.lastProgress())
                .with("dispatcherLastSeen", liveness.pumpBeat())
                .with("recorderLastSeen", liveness.recorderBeat());
    }
}
