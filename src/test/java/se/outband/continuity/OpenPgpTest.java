package se.outband.continuity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.WithDefault;

/**
 * OpenPGP files as Outband writes them, opened and their signature checked by GnuPG, Sequoia and Outband's
 * own restore, and refused when wrong.
 */
class OpenPgpTest {

    static final String KEY_USER = "Outband backup test <backup@example.invalid>";
    static final String KEY_PASSPHRASE = "the key's own passphrase";
    static final String SIGNER_USER = "Outband backup signing test <signing@example.invalid>";
    static final String SIGNER_PASSPHRASE = "the signing key's passphrase";
    static final String FORGER_USER = "Someone with the public key <forger@example.invalid>";
    static final String PASSPHRASE = "a long backup passphrase";
    /** As outband.backup.passphrase-s2k-count in the tests' settings: only the test of the stretch pays for the shipped one. */
    static final int TESTS_S2K_COUNT = 96;

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
        gpg.generateSigningKey(SIGNER_USER, SIGNER_PASSPHRASE);
        gpg.exportPublicKey(SIGNER_USER, keys.resolve("signing-public.asc"));
        gpg.exportSecretKey(SIGNER_USER, SIGNER_PASSPHRASE, keys.resolve("signing.asc"));
        gpg.generateKey(FORGER_USER, SIGNER_PASSPHRASE);
        gpg.exportPublicKey(FORGER_USER, keys.resolve("forger-public.asc"));
        gpg.exportSecretKey(FORGER_USER, SIGNER_PASSPHRASE, keys.resolve("forger.asc"));
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
     * Signed inside the encryption as {@code gpg --sign --encrypt} does: gpg, given the public half of
     * the signing key, opens it and says the signature is good and whose it is.
     */
    @Test
    void gnupgOpensASignedBackupAndSaysWhoSignedIt(@TempDir Path dir) throws Exception {
        Path file = encrypt(dir, Optional.of(PASSPHRASE), true);
        String fingerprint = SigningKeys.fingerprint(signers().get(0)).replace(" ", "");
        try (Gpg reader = new Gpg()) {
            reader.importKey(keys.resolve("signing-public.asc"));
            Path out = dir.resolve("out.zip");
            Gpg.Output opened = reader.decryptWithStatus(file, PASSPHRASE, out);
            assertEquals(0, opened.exitCode(), opened.text());
            assertTrue(opened.text().contains("[GNUPG:] GOODSIG ") && opened.text().contains("[GNUPG:] VALIDSIG "), opened.text());
            assertTrue(opened.text().contains(" " + fingerprint + "\n") || opened.text().contains(" " + fingerprint + "\r"),
                    "VALIDSIG ends with the primary key's fingerprint, " + fingerprint + ": " + opened.text());
            assertArrayEquals(content, Files.readAllBytes(out));

            Gpg.Output altered = reader.decryptWithStatus(alter(file, dir.resolve("altered.gpg")), PASSPHRASE, dir.resolve("altered.zip"));
            assertNotEquals(0, altered.exitCode(), "gpg says an altered backup is bad too");
            assertTrue(altered.text().contains("[GNUPG:] BADSIG "), altered.text());
        }
    }

    /** Sequoia opens the same file with the passphrase, and refuses it when told to expect another signer. */
    @Test
    void sequoiaOpensASignedBackupAndChecksItsSigner(@TempDir Path dir) throws Exception {
        assumeTrue(Sq.installed(), "sq (Debian package sq) is not installed");
        Path file = encrypt(dir, Optional.of(PASSPHRASE), true);
        Path out = dir.resolve("out.zip");
        assertEquals(0, Sq.decrypt(file, PASSPHRASE, keys.resolve("signing-public.asc"), out));
        assertArrayEquals(content, Files.readAllBytes(out));
        assertNotEquals(0, Sq.decrypt(file, PASSPHRASE, keys.resolve("forger-public.asc"), dir.resolve("forged.zip")),
                "sq checks the signer it is given");
    }

    /**
     * The restore's side: only a signature by the expected key, over exactly this content, is verified;
     * an unsigned file (what anyone with the public key or passphrase makes), one signed by another key and
     * one changed after signing are each said as such.
     */
    @Test
    void theRestoreTellsOutbandsSignatureFromNoneAnotherAndAnAlteredFile(@TempDir Path dir) throws Exception {
        String outband = SigningKeys.fingerprint(signers().get(0));
        Opened signed = opened(encrypt(dir, Optional.of(PASSPHRASE), false), passphrase(), signers());
        assertArrayEquals(content, signed.content());
        assertEquals(new BackupSignature(BackupSignature.Kind.VERIFIED, outband), signed.signature());

        Opened unsigned = opened(encrypt(dir, Optional.of(PASSPHRASE), true, Optional.empty()), passphrase(), signers());
        assertEquals(new BackupSignature(BackupSignature.Kind.UNSIGNED, null), unsigned.signature());

        Opened forged = opened(encrypt(dir, Optional.of(PASSPHRASE), false, Optional.of(keys.resolve("forger.asc"))), passphrase(),
                signers());
        String forger = SigningKeys.fingerprint(SigningKeys.certificates(keys.resolve("forger-public.asc")).get(0));
        assertEquals(new BackupSignature(BackupSignature.Kind.OTHER_SIGNER, forger), forged.signature());
        assertTrue(forged.signature().problem(outband).contains("signed by another key (" + forger + "), not by the backup signing key "
                + outband), forged.signature().problem(outband));

        Path altered = alter(encrypt(dir, Optional.of(PASSPHRASE), false), dir.resolve("altered.gpg"));
        assertEquals(new BackupSignature(BackupSignature.Kind.ALTERED, outband), opened(altered, passphrase(), signers()).signature());

        assertEquals(BackupSignature.Kind.NOT_CHECKED,
                opened(encrypt(dir, Optional.of(PASSPHRASE), false), passphrase(), List.of()).signature().kind());
    }

    /** The signing key is the operator's: a public key, or a wrong passphrase, is said at start in words. */
    @Test
    void aSigningKeyThatCannotSignIsSaid() {
        IOException publicOnly = assertThrows(IOException.class,
                () -> SigningKeys.signer(keys.resolve("signing-public.asc"), SIGNER_PASSPHRASE.toCharArray()));
        assertTrue(publicOnly.getMessage().contains("not an OpenPGP secret key"), publicOnly.getMessage());
        IOException wrong = assertThrows(IOException.class, () -> SigningKeys.signer(keys.resolve("signing.asc"), "wrong".toCharArray()));
        assertTrue(wrong.getMessage().contains("passphrase (OUTBAND_BACKUP_SIGNING_KEY_PASSPHRASE) does not open"), wrong.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> SigningKeys.signer(keys.resolve("no-such-key.asc"), SIGNER_PASSPHRASE.toCharArray()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    /**
     * Whoever finds a copy guesses the passphrase offline: each guess must cost what it costs against
     * GnuPG's own files (65,011,712 bytes hashed, count byte 255), not Bouncy Castle's default of 65,536,
     * when outband.backup.passphrase-s2k-count is left as shipped.
     */
    @Test
    void aPassphraseIsStretchedAsFarAsGnupgStretchesItsOwn(@TempDir Path dir) throws Exception {
        Path file = encrypt(dir, Optional.of("a long backup passphrase"), shippedS2kCount(), false, Optional.of(keys.resolve("signing.asc")));
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
        return encrypt(dir, passphrase, toKey, Optional.of(keys.resolve("signing.asc")));
    }

    private static Path encrypt(Path dir, Optional<String> passphrase, boolean toKey, Optional<Path> signingKey) throws IOException {
        return encrypt(dir, passphrase, TESTS_S2K_COUNT, toKey, signingKey);
    }

    /** The passphrase's stretch Outband ships with: what outband.backup.passphrase-s2k-count is when not set. */
    private static int shippedS2kCount() throws NoSuchMethodException {
        return Integer.parseInt(BackupConfig.class.getMethod("passphraseS2kCount").getAnnotation(WithDefault.class).value());
    }

    /** As Outband seals a backup, signed by the secret key in {@code signingKey} when there is one. */
    private static Path encrypt(Path dir, Optional<String> passphrase, int s2kCount, boolean toKey, Optional<Path> signingKey)
            throws IOException {
        Path file = Files.createTempFile(dir, "backup-", ".gpg");
        Optional<SigningKeys.Signer> signer = signingKey.isPresent()
                ? Optional.of(SigningKeys.signer(signingKey.get(), SIGNER_PASSPHRASE.toCharArray()))
                : Optional.empty();
        try (OutputStream out = Files.newOutputStream(file)) {
            try (OutputStream encrypted = OpenPgp.encrypt(out, passphrase.map(String::toCharArray), s2kCount,
                    toKey ? Optional.of(OpenPgp.publicKey(keys.resolve("public.asc"))) : Optional.empty(), signer)) {
                encrypted.write(content);
                // Closed twice, as a backup's is (by its ZIP, then by its owner): the file must still end with the message.
                encrypted.close();
            }
        }
        return file;
    }

    private static byte[] decrypt(Path file, OpenPgp.Secrets secrets) throws IOException {
        return opened(file, secrets, signers()).content();
    }

    /** What a restore gets from {@code file}: the content, and who signed it, checked against {@code expected}. */
    record Opened(byte[] content, BackupSignature signature) {
    }

    private static Opened opened(Path file, OpenPgp.Secrets secrets, List<PGPPublicKeyRing> expected) throws IOException {
        try (DecryptedBackup in = OpenPgp.decrypt(new ByteArrayInputStream(Files.readAllBytes(file)), secrets, expected)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return new Opened(out.toByteArray(), in.signature());
        }
    }

    /** The public half of Outband's signing key, as the offline kit holds it. */
    private static List<PGPPublicKeyRing> signers() throws IOException {
        return SigningKeys.certificates(keys.resolve("signing-public.asc"));
    }

    private static OpenPgp.Secrets passphrase() {
        return new OpenPgp.Secrets(Optional.of(PASSPHRASE.toCharArray()), Optional.empty());
    }

    /**
     * What whoever can open a backup (the passphrase, or the private key) can do to a signed one: open the
     * encryption, change one byte of the file inside, seal it again. The signature is left as it was.
     */
    private static Path alter(Path signed, Path altered) throws Exception {
        byte[] inner = null;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(signed))) {
            PGPEncryptedDataList list = (PGPEncryptedDataList) new PGPObjectFactory(in, new BcKeyFingerprintCalculator()).nextObject();
            for (PGPEncryptedData data : list) {
                if (data instanceof PGPPBEEncryptedData sealed) {
                    inner = sealed.getDataStream(new BcPBEDataDecryptorFactory(PASSPHRASE.toCharArray(), new BcPGPDigestCalculatorProvider()))
                            .readAllBytes();
                }
            }
        }
        // Past the one-pass signature (15 bytes) and the literal packet's header (26): inside the file itself.
        inner[1000] ^= 0x01;
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()));
        generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(PASSPHRASE.toCharArray()));
        try (OutputStream out = Files.newOutputStream(altered)) {
            OutputStream sealed = generator.open(out, new byte[1 << 16]);
            sealed.write(inner);
            sealed.close();
            generator.close();
        }
        return altered;
    }
}
