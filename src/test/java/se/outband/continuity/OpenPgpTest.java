package se.outband.continuity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenPGP files as Outband writes them, opened by GnuPG and by Outband's own restore, and refused when wrong. */
class OpenPgpTest {

    static final String KEY_USER = "Outband backup test <backup@example.invalid>";
    static final String KEY_PASSPHRASE = "the key's own passphrase";

    @TempDir
    static Path keys;
    static Gpg gpg;
    static byte[] content;

    @BeforeAll
    static void keyPair() throws Exception {
        gpg = new Gpg();
        gpg.generateKey(KEY_USER, KEY_PASSPHRASE);
        gpg.exportPublicKey(KEY_USER, keys.resolve("public.asc"));
        gpg.exportSecretKey(KEY_USER, KEY_PASSPHRASE, keys.resolve("secret.asc"));
        // Big enough for several partial-length packets.
        content = new byte[300_000];
        new Random(7).nextBytes(content);
    }

    @AfterAll
    static void stopGpg() throws Exception {
        gpg.close();
    }

    @Test
    void gnupgOpensAFileSealedToAPassphrase(@TempDir Path dir) throws Exception {
        Path file = encrypt(dir, Optional.of("a long backup passphrase"), false);
        Path out = dir.resolve("out.zip");
        assertEquals(0, gpg.decrypt(file, "a long backup passphrase", out));
        assertArrayEquals(content, Files.readAllBytes(out));
        assertNotEquals(0, gpg.decrypt(file, "another passphrase", dir.resolve("wrong.zip")));
    }

    /**
     * Whoever finds a copy guesses the passphrase offline: each guess must cost what it costs against
     * GnuPG's own files (65,011,712 bytes hashed, count byte 255), not Bouncy Castle's default of 65,536.
     */
    @Test
    void aPassphraseIsStretchedAsFarAsGnupgStretchesItsOwn(@TempDir Path dir) throws Exception {
        Path file = encrypt(dir, Optional.of("a long backup passphrase"), false);
        String packets = gpg.listPackets(file, "a long backup passphrase");
        assertTrue(packets.contains("s2k 3,") && packets.contains("count 65011712 (255)"), packets);
        assertEquals(0, gpg.decrypt(file, "a long backup passphrase", dir.resolve("out.zip")));
    }

    @Test
    void gnupgOpensAFileSealedToAPublicKeyWithItsPrivateKey(@TempDir Path dir) throws Exception {
        Path file = encrypt(dir, Optional.empty(), true);
        Path out = dir.resolve("out.zip");
        assertEquals(0, gpg.decrypt(file, KEY_PASSPHRASE, out));
        assertArrayEquals(content, Files.readAllBytes(out));
    }

    @Test
    void restoreOpensEitherWayWhenSealedToBoth(@TempDir Path dir) throws Exception {
        Path file = encrypt(dir, Optional.of("a long backup passphrase"), true);
        assertArrayEquals(content, decrypt(file, new OpenPgp.Secrets(Optional.of("a long backup passphrase".toCharArray()), Optional.empty())));
        assertArrayEquals(content, decrypt(file, new OpenPgp.Secrets(Optional.of(KEY_PASSPHRASE.toCharArray()),
                Optional.of(keys.resolve("secret.asc")))));
    }

    @Test
    void aWrongPassphraseOrKeyPassphraseIsSaid(@TempDir Path dir) throws Exception {
        Path file = encrypt(dir, Optional.of("a long backup passphrase"), true);
        OpenPgp.Unreadable wrong = assertThrows(OpenPgp.Unreadable.class,
                () -> decrypt(file, new OpenPgp.Secrets(Optional.of("not the passphrase".toCharArray()), Optional.empty())));
        assertEquals(OpenPgp.Unreadable.Reason.WRONG_SECRET, wrong.reason);
        OpenPgp.Unreadable wrongKey = assertThrows(OpenPgp.Unreadable.class,
                () -> decrypt(file, new OpenPgp.Secrets(Optional.of("not the key's".toCharArray()), Optional.of(keys.resolve("secret.asc")))));
        assertEquals(OpenPgp.Unreadable.Reason.WRONG_SECRET, wrongKey.reason);
        Path passphraseOnly = encrypt(dir, Optional.of("a long backup passphrase"), false);
        assertEquals(OpenPgp.Unreadable.Reason.WRONG_SECRET, assertThrows(OpenPgp.Unreadable.class,
                () -> decrypt(passphraseOnly, new OpenPgp.Secrets(Optional.of(KEY_PASSPHRASE.toCharArray()),
                        Optional.of(keys.resolve("secret.asc"))))).reason);
    }

    @Test
    void aTruncatedOrAlteredFileIsDamagedAndNotTrusted(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(encrypt(dir, Optional.of("a long backup passphrase"), false));
        OpenPgp.Secrets secrets = new OpenPgp.Secrets(Optional.of("a long backup passphrase".toCharArray()), Optional.empty());

        Path truncated = Files.write(dir.resolve("truncated.gpg"), Arrays.copyOf(whole, whole.length - 1000));
        assertEquals(OpenPgp.Unreadable.Reason.DAMAGED, assertThrows(OpenPgp.Unreadable.class, () -> decrypt(truncated, secrets)).reason);

        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x40;
        Path altered = Files.write(dir.resolve("altered.gpg"), flipped);
        assertEquals(OpenPgp.Unreadable.Reason.DAMAGED, assertThrows(OpenPgp.Unreadable.class, () -> decrypt(altered, secrets)).reason);

        Path notPgp = Files.writeString(dir.resolve("notes.txt"), "id,name\n1,Anna\n");
        assertEquals(OpenPgp.Unreadable.Reason.NOT_OPENPGP, assertThrows(OpenPgp.Unreadable.class, () -> decrypt(notPgp, secrets)).reason);
    }

    private static Path encrypt(Path dir, Optional<String> passphrase, boolean toKey) throws IOException {
        Path file = Files.createTempFile(dir, "backup-", ".gpg");
        try (OutputStream out = Files.newOutputStream(file)) {
            try (OutputStream encrypted = OpenPgp.encrypt(out, passphrase.map(String::toCharArray),
                    toKey ? Optional.of(OpenPgp.publicKey(keys.resolve("public.asc"))) : Optional.empty())) {
                encrypted.write(content);
            }
        }
        return file;
    }

    private static byte[] decrypt(Path file, OpenPgp.Secrets secrets) throws IOException {
        try (InputStream in = OpenPgp.decrypt(new ByteArrayInputStream(Files.readAllBytes(file)), secrets)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
