package se.outband.statuspage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Runs {@code outband.status.publish-command} after a render, in the background with a timeout, so a
 * slow or failing static host never holds up the page Outband serves itself. Renders that arrive
 * while a publish runs are folded into one more publish of the newest folder.
 */
@ApplicationScoped
public class SitePublisher {

    private static final Logger LOG = Logger.getLogger(SitePublisher.class);
    private static final int TAIL = 4000;

    /** The last publish, as GET /api/status/publish shows it. */
    public record PublishRun(String command, String dir, Instant startedAt, long millis, Integer exitCode, boolean timedOut,
            String outputTail) {
        public boolean ok() {
            return exitCode != null && exitCode == 0 && !timedOut;
        }
    }

    private final StatusConfig config;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outband-status-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Path> pending = new AtomicReference<>();
    private final AtomicReference<PublishRun> last = new AtomicReference<>();

    SitePublisher(StatusConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public PublishRun last() {
        return last.get();
    }

    void publish(Path dir) {
        if (config.publishCommand().isEmpty() || pending.getAndSet(dir) != null) {
            return;
        }
        runner.execute(() -> {
            Path newest = pending.getAndSet(null);
            if (newest != null) {
                last.set(run(config.publishCommand().get(), newest));
            }
        });
    }

    private PublishRun run(String template, Path dir) {
        String command = template.replace("{dir}", "'" + dir.toString().replace("'", "'\\''") + "'");
        Instant started = clock.instant();
        long start = System.nanoTime();
        Integer exit = null;
        boolean timedOut = false;
        String output;
        try {
            Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            StringBuilder tail = new StringBuilder();
            Thread reader = new Thread(() -> readTail(process.getInputStream(), tail), "outband-status-publisher-output");
            reader.start();
            if (process.waitFor(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                timedOut = true;
                process.destroyForcibly();
            }
            reader.join(Duration.ofSeconds(2).toMillis());
            synchronized (tail) {
                output = tail.toString();
            }
        } catch (IOException e) {
            output = "Could not start the publish command: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output = "Interrupted";
        }
        PublishRun run = new PublishRun(template, dir.toString(), started, (System.nanoTime() - start) / 1_000_000, exit, timedOut,
                output);
        if (!run.ok()) {
            LOG.errorf("Publishing the status page failed (exit %s%s): %s", exit, timedOut ? ", timed out" : "", output);
        }
        return run;
    }

    private static void readTail(InputStream in, StringBuilder tail) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (tail) {
                    tail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (tail.length() > TAIL) {
                        tail.delete(0, tail.length() - TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed after its timeout; what was read so far is the tail.
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
