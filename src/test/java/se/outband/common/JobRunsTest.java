package se.outband.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * When Outband stops, the scheduled jobs that are running finish first and none begins after; a job
 * paused alone is paused once its run in progress has ended, and begins again only when resumed.
 */
class JobRunsTest {

    private final JobRuns runs = new JobRuns();

    private static <T> CompletableFuture<T> inAnotherThread(Callable<T> waiting) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return waiting.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Once {@code job} may no longer begin: the other thread has begun to hold or stop. */
    private void untilRefused(String job) {
        while (runs.begin(job)) {
            runs.end(job);
        }
    }

    @Test
    void stoppingWaitsForTheRunningJobsAndLetsNoneBeginAfter() throws Exception {
        assertTrue(runs.begin("status-site-follow"));
        CompletableFuture<Integer> stopped = inAnotherThread(() -> runs.finish(Duration.ofMinutes(1)));
        untilRefused("outbox-lease-reclaim");
        assertFalse(stopped.isDone(), "the stop waits while a job runs");
        assertFalse(runs.begin("status-site-follow"));

        runs.end("status-site-follow");
        assertEquals(0, stopped.get(10, TimeUnit.SECONDS));
        assertFalse(runs.begin("outbox-lease-reclaim"));
    }

    @Test
    void withNothingRunningTheStopIsImmediate() throws Exception {
        assertTrue(runs.begin("audience-store"));
        runs.end("audience-store");
        assertEquals(0, runs.finish(Duration.ofMinutes(1)));
    }

    @Test
    void aJobThatDoesNotFinishInTimeIsCountedNotWaitedForForever() throws Exception {
        assertTrue(runs.begin("backup"));
        assertTrue(runs.begin("audience-store"));
        runs.end("audience-store");
        assertEquals(1, runs.finish(Duration.ofMillis(20)));
    }

    @Test
    void aJobHeldAloneIsWaitedForAndBeginsAgainOnlyWhenReleased() throws Exception {
        assertTrue(runs.begin("outbox-lease-reclaim"));
        CompletableFuture<Boolean> held = inAnotherThread(() -> runs.hold("outbox-lease-reclaim", Duration.ofMinutes(1)));
        untilRefused("outbox-lease-reclaim");
        assertFalse(held.isDone(), "held once its run in progress has ended");
        assertTrue(runs.begin("outbox-lease-renew"), "the other jobs go on");
        runs.end("outbox-lease-renew");

        runs.end("outbox-lease-reclaim");
        assertTrue(held.get(10, TimeUnit.SECONDS));
        assertFalse(runs.begin("outbox-lease-reclaim"), "not even a run the scheduler handed over before the pause");
        runs.release("outbox-lease-reclaim");
        assertTrue(runs.begin("outbox-lease-reclaim"));
    }
}
