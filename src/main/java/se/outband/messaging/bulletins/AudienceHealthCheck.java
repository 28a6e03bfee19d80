package se.outband.messaging.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness says, in words, when a big bulletin's recipients are still not stored a minute after it was accepted. */
@Readiness
@ApplicationScoped
public class AudienceHealthCheck implements HealthCheck {

    /** Storing the rest of a bulletin's recipients takes seconds; a minute means it keeps failing. */
    static final Duration AUDIENCE_WAITING = Duration.ofMinutes(1);

    private final AudienceStore audience;
    private final Clock clock;

    AudienceHealthCheck(AudienceStore audience, Clock clock) {
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> waiting = audience.oldestPending().filter(since -> since.isBefore(clock.instant().minus(AUDIENCE_WAITING)));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bulletin-recipients").status(waiting.isEmpty());
        waiting.ifPresent(since -> response.withData("reason", "A bulletin accepted at " + since + " still has recipients waiting to be stored."));
        return response.build();
    }
}
