package se.outband.common;

import java.lang.reflect.Method;
import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Counts the runs of each {@link ScheduledJob} for {@link ScheduledJobs}, skips a run that may not begin, and
 * records how each run ended for readiness ({@link ScheduledJobsHealth}); a run that fails as the one before
 * did is logged in one line instead of with its stack trace once more. Outermost, so that a job's own
 * transaction has ended when its run counts as finished, and a failed commit counts as a failed run.
 */
@ScheduledJob
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class ScheduledJobInterceptor {

    private static final Logger LOG = Logger.getLogger(ScheduledJobInterceptor.class);

    private final JobRuns runs;
    private final JobOutcomes outcomes;
    private final Clock clock;

    @Inject
    ScheduledJobInterceptor(ScheduledJobs jobs, Clock clock) {
        this.runs = jobs.runs();
        this.outcomes = jobs.outcomes();
        this.clock = clock;
    }

    @AroundInvoke
    Object run(InvocationContext context) throws Exception {
        String job = identity(context.getMethod());
        if (!runs.begin(job)) {
            // Paused or stopping: the job runs again when resumed or after the next start (every job is void).
            return null;
        }
        boolean failingMeansNotReady = failingMeansNotReady(context.getMethod());
        try {
            Object result = context.proceed();
            outcomes.succeeded(job, failingMeansNotReady, clock.instant());
            return result;
        } catch (Exception e) {
            if (outcomes.failed(job, failingMeansNotReady, e, clock.instant())) {
                // The scheduler logged the first failure of the streak with its stack trace; the same again
                // every few seconds was the log's 95 MB a day. Every job is void: nothing is lost by not throwing.
                LOG.warnf("The scheduled job %s failed again with %s, as before (see the first failure above): %s",
                        job, JobOutcomes.kind(e), Text.clip(String.valueOf(e), 300));
                return null;
            }
            throw e;
        } catch (Error e) {
            outcomes.failed(job, failingMeansNotReady, e, clock.instant());
            throw e;
        } finally {
            runs.end(job);
        }
    }

    private static boolean failingMeansNotReady(Method method) {
        ScheduledJob marked = method.getAnnotation(ScheduledJob.class);
        if (marked == null) {
            marked = method.getDeclaringClass().getAnnotation(ScheduledJob.class);
        }
        return marked == null || marked.failingMeansNotReady();
    }

    /** The job's {@code @Scheduled} identity, as the scheduler pauses it. */
    private static String identity(Method method) {
        Scheduled[] schedules = method.getAnnotationsByType(Scheduled.class);
        return schedules.length > 0 && !schedules[0].identity().isEmpty() ? schedules[0].identity()
                : method.getDeclaringClass().getName() + "#" + method.getName();
    }
}
