package se.outband.common;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

/**
 * A {@link ShellCommand} run in the background after each new file or folder, so a slow or failing
 * remote host never holds up Outband. Paths submitted while it runs are folded into one more run
 * for the newest: what matters elsewhere is the latest state.
 */
public final class BackgroundCommand {

    private static final Logger LOG = Logger.getLogger(BackgroundCommand.class);

    private final Optional<String> template;
    private final String placeholder;
    private final Duration timeout;
    private final Clock clock;
    private final String failure;
    private final ExecutorService runner;
    private final AtomicReference<Path> pending = new AtomicReference<>();
    private final AtomicReference<ShellCommand.Run> last = new AtomicReference<>();

    /** {@code failure} starts the log line of a failed run, e.g. "Publishing the status page failed". */
    public BackgroundCommand(String threadName, Optional<String> template, String placeholder, Duration timeout, Clock clock,
            String failure) {
        this.template = template.filter(t -> !t.isBlank());
        this.placeholder = placeholder;
        this.timeout = timeout;
        this.clock = clock;
        this.failure = failure;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The last run, or null before the first (or when no command is set). */
    public ShellCommand.Run last() {
        return last.get();
    }

    public void submit(Path target) {
        if (template.isEmpty() || pending.getAndSet(target) != null) {
            return;
        }
        runner.execute(() -> {
            Path newest = pending.getAndSet(null);
            if (newest != null) {
                ShellCommand.Run run = ShellCommand.run(template.get(), placeholder, newest, timeout, clock);
                if (!run.ok()) {
                    LOG.errorf("%s (exit %s%s): %s", failure, run.exitCode(), run.timedOut() ? ", timed out" : "", run.outputTail());
                }
                last.set(run);
            }
        });
    }

    public void stop() {
        runner.shutdownNow();
    }
}
