package se.outband.common;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Which scheduled jobs are running at this moment, and whether a run may begin: what {@link ScheduledJobs}
 * waits on. A job is known by its {@code @Scheduled} identity.
 */
final class JobRuns {

    private final Map<String, Integer> running = new HashMap<>();
    private final Set<String> held = new HashSet<>();
    private boolean stopping;

    /** Whether a run of {@code job} may begin; one that may is counted until {@link #end}. */
    synchronized boolean begin(String job) {
        if (stopping || held.contains(job)) {
            return false;
        }
        running.merge(job, 1, Integer::sum);
        return true;
    }

    synchronized void end(String job) {
        running.computeIfPresent(job, (name, count) -> count == 1 ? null : count - 1);
        notifyAll();
    }

    /** Lets no run of {@code job} begin until {@link #release}, and waits up to {@code timeout} for those running; true once none is. */
    synchronized boolean hold(String job, Duration timeout) throws InterruptedException {
        held.add(job);
        waitWhile(() -> running.containsKey(job), timeout);
        return !running.containsKey(job);
    }

    synchronized void release(String job) {
        held.remove(job);
    }

    /** Lets no run of any job begin from now on, and waits up to {@code timeout} for those running; returns how many still are. */
    synchronized int finish(Duration timeout) throws InterruptedException {
        stopping = true;
        waitWhile(() -> !running.isEmpty(), timeout);
        return running.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Called holding this object's lock, which waiting gives up so that runs can end. */
    private void waitWhile(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); condition.getAsBoolean() && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
