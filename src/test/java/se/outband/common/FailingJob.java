package se.outband.common;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Two scheduled jobs that fail while a test says so; their timers never fire during a test run (an hour's
 * delay), the test runs them itself, through the same interceptor as every job.
 */
@ApplicationScoped
public class FailingJob {

    static final String JOB = "test-failing-job";
    static final String BESIDE = "test-failing-beside-job";

    private volatile boolean failing;

    /** A method, not the field: the test holds a client proxy, whose own fields are not the bean's. */
    void failing(boolean fail) {
        failing = fail;
    }

    @ScheduledJob
    @Scheduled(identity = JOB, every = "1h", delayed = "1h")
    void run() {
        if (failing) {
            throw new IllegalStateException("Test failure 42 at " + java.time.Instant.now(), new ArrayIndexOutOfBoundsException(1));
        }
    }

    @ScheduledJob(failingMeansNotReady = false)
    @Scheduled(identity = BESIDE, every = "1h", delayed = "1h")
    void runBeside() {
        if (failing) {
            throw new IllegalStateException("Test failure beside");
        }
    }
}
