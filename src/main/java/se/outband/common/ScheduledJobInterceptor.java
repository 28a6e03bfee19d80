package se.outband.common;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.scheduler.Scheduled;

/**
 * Counts the runs of each {@link ScheduledJob} for {@link ScheduledJobs}, and skips a run that may not begin.
 * Outermost, so that a job's own transaction has ended when its run counts as finished.
 */
@ScheduledJob
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class ScheduledJobInterceptor {

    private final JobRuns runs;

    @Inject
    ScheduledJobInterceptor(ScheduledJobs jobs) {
        this.runs = jobs.runs();
    }

    @AroundInvoke
    Object run(InvocationContext context) throws Exception {
        String job = identity(context.getMethod());
        if (!runs.begin(job)) {
            // Paused or stopping: the job runs again when resumed or after the next start (every job is void).
            return null;
        }
        try {
            return context.proceed();
        } finally {
            runs.end(job);
        }
    }

    /** The job's {@code @Scheduled} identity, as the scheduler pauses it. */
    private static String identity(Method method) {
        Scheduled[] schedules = method.getAnnotationsByType(Scheduled.class);
        return schedules.length > 0 && !schedules[0].identity().isEmpty() ? schedules[0].identity()
                : method.getDeclaringClass().getName() + "#" + method.getName();
    }
}
