package se.outband.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * An administrator's command line (an rclone or rsync to another host), run with {@code sh -c}, a
 * placeholder replaced by a quoted path, a timeout, and the tail of its output kept for the
 * page that shows how it went.
 */
public final class ShellCommand {

    private static final int TAIL = 4000;

    /** One run: when, how long, exit code (null when it never started or was killed), output tail. */
    public record Run(String command, String target, Instant startedAt, long millis, Integer exitCode, boolean timedOut,
            String outputTail) {
        public boolean ok() {
            return exitCode != null && exitCode == 0 && !timedOut;
        }
    }

    private ShellCommand() {
    }

    /** Runs {@code template} with {@code placeholder} (e.g. {@code {dir}}) replaced by {@code target}. */
    public static Run run(String template, String placeholder, Path target, Duration timeout, Clock clock) {
        String command = template.replace(placeholder, "'" + target.toString().replace("'", "'\\''") + "'");
        Instant started = clock.instant();
        long start = System.nanoTime();
        Integer exit = null;
        boolean timedOut = false;
        String output;
        try {
            Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            StringBuilder tail = new StringBuilder();
            Thread reader = new Thread(() -> readTail(process.getInputStream(), tail), "outband-command-output");
            reader.start();
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
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
            output = "Could not start the command: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output = "Interrupted";
        }
        return new Run(template, target.toString(), started, (System.nanoTime() - start) / 1_000_000, exit, timedOut, output);
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
}
