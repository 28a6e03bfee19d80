package se.outband;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A transaction on a thread of its own that makes a change and commits it only {@code held} later, as a big
 * bulletin's or reminder's transaction would: what waits for its rows waits that long.
 */
public final class HeldTransaction {

    private HeldTransaction() {
    }

    /** Returns once {@code change} is made (its rows locked); the returned future ends when it has committed. */
    public static Future<?> start(Runnable change, Duration held) throws InterruptedException {
        CountDownLatch made = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> committed = thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                change.run();
                made.countDown();
                try {
                    Thread.sleep(held.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            if (!made.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The held transaction did not make its change");
            }
            return committed;
        } finally {
            thread.shutdown();
        }
    }
}
