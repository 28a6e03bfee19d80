package se.outband.messaging.outbox;

import java.time.Duration;

import org.jboss.logging.Logger;

/** What the outbox's own threads share: how they start, how often they look, and how they survive an error. */
final class Loops {

    private static final Logger LOG = Logger.getLogger(Loops.class);
    /** How long a loop waits for work before it looks again. */
    static final Duration POLL = Duration.ofMillis(250);

    private Loops() {
    }

    static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** What every loop does with what it cannot handle: say so, wait a little, and go on. */
    static void survive(String what, Throwable e) {
        try {
            LOG.error(what, e);
        } catch (Throwable logging) {
            // Without memory even logging can fail; going on matters more than the line.
        }
        sleep(POLL);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
