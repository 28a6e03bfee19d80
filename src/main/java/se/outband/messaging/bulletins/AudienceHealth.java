package se.outband.messaging.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.HealthGroup;
import se.outband.common.Health;

/**
 * Readiness says, in words, when a big bulletin's recipients are still not stored a minute after it was
 * accepted; when it was accepted is a figure for signed-in roles ({@link Health}).
 */
@ApplicationScoped
public class AudienceHealth {

    /** Storing the rest of a bulletin's recipients takes seconds; a minute means it keeps failing. */
    static final Duration AUDIENCE_WAITING = Duration.ofMinutes(1);

    private final AudienceStore audience;
    private final Clock clock;

    AudienceHealth(AudienceStore audience, Clock clock) {
        this.audience = audience;
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
        Optional<Instant> pending = audience.oldestPending();
        boolean waiting = pending.filter(since -> since.isBefore(clock.instant().minus(AUDIENCE_WAITING))).isPresent();
        return Health.of("bulletin-recipients", !waiting,
                waiting ? "A bulletin accepted more than a minute ago still has recipients waiting to be stored." : null)
                .with("oldestWaitingSince", pending.orElse(null));
    }
}
