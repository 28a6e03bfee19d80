package se.outband.common;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Work in a transaction of its own that waits for a row another transaction holds, however long that one
 * takes within reason. PostgreSQL waits by itself; the embedded database gives up after two seconds (H2's
 * lock timeout), and a leader's second tap while a big bulletin is being stored would get an error page.
 * So the work is tried again while it was only refused for waiting, up to {@link #AT_MOST}.
 */
public final class RowWaits {

    /** Longer than any transaction a person starts from a page; a longer wait is a fault to report. */
    static final Duration AT_MOST = Duration.ofSeconds(30);
    /** H2's code for a lock it stopped waiting for. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";

    private RowWaits() {
    }

    /** {@code work} in a new transaction, tried again while it only timed out waiting for a row. */
    public static <T> T inTransaction(Callable<T> work) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (!waitedTooLong(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static boolean waitedTooLong(Throwable thrown) {
        for (Throwable e = thrown; e != null; e = e.getCause()) {
            if (e instanceof LockTimeoutException || e instanceof PessimisticLockException
                    || e instanceof SQLException sql && H2_LOCK_TIMEOUT.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
