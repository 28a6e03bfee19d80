package se.outband.continuity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sequoia's {@code sq} (Debian package {@code sq}), the other OpenPGP tool an administrator may open a
 * backup with. It asks for a password only on a terminal, so {@code script} gives it one and types the
 * password, as a person would.
 */
final class Sq {

    private Sq() {
    }

    /** Without sq the test that needs it is skipped, unless OUTBAND_REQUIRE_SQ=true (set by .ci/run) makes that a failure. */
    static boolean installed() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/sq")) && Files.isExecutable(Path.of("/usr/bin/script"));
        if (!installed && "true".equals(System.getenv("OUTBAND_REQUIRE_SQ"))) {
            throw new IllegalStateException("sq is not installed: apt-get install -y sq (OUTBAND_REQUIRE_SQ=true)");
        }
        return installed;
    }

    /**
     * {@code sq decrypt --signer-cert signer}: decrypts {@code file} with {@code password} into {@code out}
     * and fails unless {@code signer}'s key signed it. Answers sq's exit code.
     */
    static int decrypt(Path file, String password, Path signer, Path out) throws IOException, InterruptedException {
        String command = String.join(" ", List.of("sq", "decrypt", "--signer-cert", quoted(signer), "--output", quoted(out),
                quoted(file)));
        Process process = new ProcessBuilder("script", "--quiet", "--return", "--command", command, "/dev/null")
                .redirectErrorStream(true).start();
        process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("sq did not finish: " + command);
        }
        if (process.exitValue() != 0) {
            System.err.println(command + ": " + new String(output, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "'\\''") + "'";
    }
}
