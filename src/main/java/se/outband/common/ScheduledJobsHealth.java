package se.outband.common;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.HealthGroup;

/**
 * Readiness says, in words, which scheduled job keeps failing and with what: a job that throws on every
 * run (the early-status sweep once did, every 10 seconds for days) must not hide behind UP while only the
 * log fills. One check for every {@link ScheduledJob}, fed by {@link ScheduledJobInterceptor}.
 */
@ApplicationScoped
public class ScheduledJobsHealth {

    static final String NAME = "scheduled-jobs";

    private final JobOutcomes outcomes;
    private final Clock clock;

    ScheduledJobsHealth(ScheduledJobs jobs, Clock clock) {
        this.outcomes = jobs.outcomes();
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
        List<JobOutcomes.Outcome> failing = outcomes.failing(now);
        List<JobOutcomes.Outcome> down = failing.stream().filter(JobOutcomes.Outcome::failingMeansNotReady).toList();
        Health health = Health.of(NAME, down.isEmpty(), failing.isEmpty() ? null : failing.stream()
                .map(job -> "The scheduled job " + job.job() + " keeps failing, last with " + job.errorKind() + " (see the log).")
                .collect(Collectors.joining(" ")));
        for (JobOutcomes.Outcome job : outcomes.all()) {
            String prefix = job.job() + ".";
            health = health.with(prefix + "lastSuccess", job.lastSuccess());
            if (job.failuresInARow() > 0) {
                health = health.with(prefix + "failuresInARow", job.failuresInARow())
                        .with(prefix + "failingSince", job.failingSince())
                        .with(prefix + "lastError", Text.clip(job.errorMessage(), 500));
            }
        }
        return health;
    }
}
