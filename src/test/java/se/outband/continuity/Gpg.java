package se.outband.continuity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import se.outband.TestFolders;

/**
 * Debian's GnuPG, run as an administrator would on a machine without Outband, in a keyring folder
 * of its own so nothing of the user's is read or changed. Closing it stops the agent gpg started
 * for that folder and deletes the folder.
 */
final class Gpg implements AutoCloseable {

    private final Path home;

    Gpg() throws IOException {
        // gpg-agent's socket path must stay short, so not under target/.
        home = Files.createTempDirectory("outband-gnupg-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // Throwaway keys protect nothing: their passphrases are stretched the least gpg-agent allows (65,536 bytes,
        // not 65 million), since Outband unlocks them at every start and backup of a test.
        Files.writeString(home.resolve("gpg-agent.conf"), "s2k-count 65536\n");
    }

    /** Decrypts {@code file} as {@code gpg --decrypt} does and answers gpg's exit code; the content goes to {@code out}. */
    int decrypt(Path file, String passphrase, Path out) throws IOException, InterruptedException {
        return run("--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", passphrase, "--output", out.toString(),
                "--decrypt", file.toString());
    }

    /**
     * Decrypts {@code file} as {@code gpg --decrypt} does, with gpg's machine-readable status lines
     * ({@code [GNUPG:] GOODSIG …}, {@code VALIDSIG <fingerprint> …}, {@code BADSIG …}) in the output.
     */
    Output decryptWithStatus(Path file, String passphrase, Path out) throws IOException, InterruptedException {
        return output("--batch", "--yes", "--status-fd", "1", "--pinentry-mode", "loopback", "--passphrase", passphrase, "--output",
                out.toString(), "--decrypt", file.toString());
    }

    /** Adds a public key to this keyring, as an administrator does with the offline kit's copy before checking a backup. */
    void importKey(Path file) throws IOException, InterruptedException {
        assertEquals(0, run("--batch", "--import", file.toString()), "gpg could not import " + file);
    }

    /** What {@code gpg --list-packets} says of {@code file}, opened with {@code passphrase}: its packets and their parameters. */
    String listPackets(Path file, String passphrase) throws IOException, InterruptedException {
        return output("--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase, "--list-packets", file.toString()).text();
    }

    /** A throwaway key pair (Curve25519, gpg's modern default) protected by {@code passphrase}. */
    void generateKey(String userId, String passphrase) throws IOException, InterruptedException {
        assertEquals(0, run("--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase, "--quick-gen-key", userId,
                "future-default", "default", "never"), "gpg could not generate a key");
    }

    /** A signing key made as docs/backups.md tells an operator to make Outband's: Ed25519, for signing only. */
    void generateSigningKey(String userId, String passphrase) throws IOException, InterruptedException {
        assertEquals(0, run("--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase, "--quick-gen-key", userId,
                "ed25519", "sign", "never"), "gpg could not generate a signing key");
    }

    void exportPublicKey(String userId, Path file) throws IOException, InterruptedException {
        assertEquals(0, run("--batch", "--yes", "--armor", "--output", file.toString(), "--export", userId));
    }

    void exportSecretKey(String userId, String passphrase, Path file) throws IOException, InterruptedException {
        assertEquals(0, run("--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", passphrase, "--armor", "--output",
                file.toString(), "--export-secret-keys", userId));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        TestFolders.delete(home);
    }

    /** What gpg printed, standard output and errors together, and its exit code. */
    record Output(int exitCode, String text) {
    }

    private int run(String... arguments) throws IOException, InterruptedException {
        Output output = output(arguments);
        if (output.exitCode() != 0) {
            System.err.println("gpg " + String.join(" ", arguments) + ": " + output.text());
        }
        return output.exitCode();
    }

    private Output output(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--no-tty", "--quiet"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("gpg did not finish: " + command);
        }
        return new Output(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
