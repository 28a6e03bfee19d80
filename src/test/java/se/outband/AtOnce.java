package se.outband;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Tasks run at the same moment, each on a thread of its own, as several people (or instances) would: every
 * thread waits at a barrier until all are ready, so none has finished before the last has started.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs every task at once and returns their answers in the tasks' order; a task that threw fails the caller. */
    public static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : futures) {
                answers.add(answer.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code count} copies of one task at once. */
    public static <T> List<T> run(int count, Callable<T> task) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(task);
        }
        return run(tasks);
    }
}
