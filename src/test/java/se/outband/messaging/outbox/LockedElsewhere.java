package se.outband.messaging.outbox;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A delivery's row locked by a transaction on another thread, as the result recorder holds one while it
 * stores an answer, until closed. A job that waited for the row would wait until then.
 */
final class LockedElsewhere implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<?> transaction;

    LockedElsewhere(long deliveryId) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        transaction = thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            Delivery.update("updatedAt = ?1 where id = ?2", Instant.now(), deliveryId);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!locked.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The other transaction did not lock delivery " + deliveryId);
        }
    }

    /** Whether the lock is still held: it is held until {@link #close()}, so a job that waited for it finds it gone. */
    boolean held() {
        return !transaction.isDone();
    }

    /** Ends the other transaction (its change commits) and waits until it has. */
    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            transaction.get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }
}
