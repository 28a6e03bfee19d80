package se.outband.common;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;

/**
 * Scheduled jobs begin once everything else has started (quarkus.scheduler.start-mode=halted): none
 * runs beside a restore at start, and a start that stops on a refused restore or a wrong setting ends
 * its log with the reason, not with jobs failing on a database that is closing.
 */
@ApplicationScoped
class ScheduledJobsStart {

    /** After every other start-up observer (those without a priority have 2500). */
    void onStart(@Observes @Priority(10_000) StartupEvent event, Scheduler scheduler) {
        scheduler.resume();
    }
}
