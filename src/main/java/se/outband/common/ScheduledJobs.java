package se.outband.common;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;

/**
 * Scheduled jobs begin once everything else has started (quarkus.scheduler.start-mode=halted): none
 * runs beside a restore at start, and a start that stops on a refused restore or a wrong setting ends
 * its log with the reason, not with jobs failing on a database that is closing.
 * <p>
 * They also end before anything they use stops. Quarkus closes Hibernate and the datasource after the
 * last {@link ShutdownEvent} observer but stops its scheduler only after that, so a job it started in
 * between failed on a closed database. The first observer of the shutdown therefore pauses the
 * scheduler, lets the runs in progress finish (every job is a {@link ScheduledJob}, counted by
 * {@link ScheduledJobInterceptor}), and lets none begin after.
 */
@Singleton
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);
    /** Far longer than a job takes, but for a backup of a large database; a service manager waits longer before it kills. */
    static final Duration FINISH_WITHIN = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final JobRuns runs = new JobRuns();
    private final JobOutcomes outcomes = new JobOutcomes();

    ScheduledJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** After every other start-up observer (those without a priority have 2500). */
    void onStart(@Observes @Priority(10_000) StartupEvent event) {
        scheduler.resume();
    }

    /** Before every other shutdown observer (those without a priority have 2500): before the dispatcher stops, too. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        scheduler.pause();
        int left = runs.finish(FINISH_WITHIN);
        if (left > 0) {
            LOG.warnf("%d scheduled jobs were still running %d seconds after Outband began to stop; they may fail as the database closes",
                    left, FINISH_WITHIN.toSeconds());
        }
    }

    /**
     * Pauses one job (by its {@code @Scheduled} identity) and returns once no run of it is in progress. Until
     * {@link #resume} none begins, not even a run the scheduler had handed over just before the pause.
     */
    public void pause(String job) throws InterruptedException {
        scheduler.pause(job);
        if (!runs.hold(job, FINISH_WITHIN)) {
            throw new IllegalStateException("The scheduled job " + job + " was still running " + FINISH_WITHIN.toSeconds()
                    + " seconds after it was paused");
        }
    }

    public void resume(String job) {
        runs.release(job);
        scheduler.resume(job);
    }

    JobRuns runs() {
        return runs;
    }

    JobOutcomes outcomes() {
        return outcomes;
    }
}
