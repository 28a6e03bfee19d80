package se.outband.common;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each scheduled job's runs have been ending, as {@link ScheduledJobInterceptor} sees them: so that a
 * job that throws on every run is said in readiness instead of only in the log, where nobody looks. A job
 * is known by its {@code @Scheduled} identity.
 */
final class JobOutcomes {

    /**
     * A job keeps failing once this many runs in a row failed and the first of them is at least
     * {@link #FAILING_FOR} ago: a database that restarts or a provider that blinks fails a run or two, and
     * a job that runs every few seconds fails three times in as many seconds.
     */
    static final int FAILURES_IN_A_ROW = 3;
    static final Duration FAILING_FOR = Duration.ofMinutes(1);

    /** One job's record: its last success, and the failures since. */
    record Outcome(String job, boolean failingMeansNotReady, Instant lastSuccess, int failuresInARow, Instant failingSince,
            String errorKind, String errorMessage) {

        boolean keepsFailing(Instant now) {
            return failuresInARow >= FAILURES_IN_A_ROW && !failingSince.isAfter(now.minus(FAILING_FOR));
        }
    }

    private final Map<String, Outcome> outcomes = new TreeMap<>();

    synchronized void succeeded(String job, boolean failingMeansNotReady, Instant at) {
        outcomes.put(job, new Outcome(job, failingMeansNotReady, at, 0, null, null, null));
    }

    /** Records a failed run; true when the run before failed the same way (the caller then need not log it all again). */
    synchronized boolean failed(String job, boolean failingMeansNotReady, Throwable error, Instant at) {
        Outcome before = outcomes.get(job);
        boolean again = before != null && before.failuresInARow() > 0 && kind(error).equals(before.errorKind());
        Instant lastSuccess = before == null ? null : before.lastSuccess();
        int inARow = before == null ? 1 : before.failuresInARow() + 1;
        Instant since = before == null || before.failingSince() == null ? at : before.failingSince();
        outcomes.put(job, new Outcome(job, failingMeansNotReady, lastSuccess, inARow, since, kind(error), String.valueOf(error)));
        return again;
    }

    /** The jobs that keep failing, by identity. */
    synchronized List<Outcome> failing(Instant now) {
        List<Outcome> failing = new ArrayList<>();
        for (Outcome outcome : outcomes.values()) {
            if (outcome.keepsFailing(now)) {
                failing.add(outcome);
            }
        }
        return failing;
    }

    synchronized List<Outcome> all() {
        return List.copyOf(outcomes.values());
    }

    /**
     * What went wrong, as a name in words: the innermost cause's type, which says what failed (an
     * ArrayIndexOutOfBoundsException in the database, a ConnectException) where the outer ones only say
     * that something did. Never its message, which may hold SQL, a path or a number.
     */
    static String kind(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
