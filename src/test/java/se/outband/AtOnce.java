package se.outband;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent at the same moment, each on a thread of its own, as several people (or instances) would. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs every task at once and returns their answers in the tasks' order; a task that threw fails the caller. */
    public static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pool.invokeAll(tasks)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
