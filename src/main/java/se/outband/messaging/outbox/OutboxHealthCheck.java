package se.outband.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says, in words, when bulletins would be accepted but not sent: a dispatcher or recorder
 * loop that stopped going round, or messages due for sending while nothing has been sent or recorded
 * for a while (a provider that is down still counts as progress: its refusals are recorded as retries).
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    /** The loops go round at least every quarter second; this is far beyond any pause. */
    static final Duration SILENT_LOOP = Duration.ofSeconds(30);
    static final Duration STALLED = Duration.ofMinutes(2);

    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final Clock clock;

    OutboxHealthCheck(Dispatcher dispatcher, Outbox outbox, Clock clock) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        Dispatcher.Liveness liveness = dispatcher.liveness();
        Outbox.Backlog backlog = outbox.backlog();
        List<String> problems = new ArrayList<>();
        if (!liveness.pumpAlive() || liveness.pumpBeat().isBefore(now.minus(SILENT_LOOP))) {
            problems.add("The dispatcher has stopped taking messages from the outbox (last seen " + liveness.pumpBeat() + ").");
        }
        if (!liveness.recorderAlive() || liveness.recorderBeat().isBefore(now.minus(SILENT_LOOP))) {
            problems.add("The recorder of send results has stopped (last seen " + liveness.recorderBeat() + ").");
        }
        if (backlog.due() > 0 && backlog.oldestDue().isBefore(now.minus(STALLED)) && liveness.lastProgress().isBefore(now.minus(STALLED))) {
            problems.add(backlog.due() + " messages have been due since " + backlog.oldestDue()
                    + " and nothing has been sent or recorded since " + liveness.lastProgress() + ".");
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
                .withData("due", backlog.due())
                .withData("lastResultStored", liveness.lastProgress().toString())
                .status(problems.isEmpty());
        if (!problems.isEmpty()) {
            response.withData("reason", String.join(" ", problems));
        }
        return response.build();
    }
}
