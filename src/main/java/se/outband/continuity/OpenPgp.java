package se.outband.continuity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP files (RFC 4880) that plain GnuPG opens: one AES-256 encrypted, integrity-protected packet
 * holding one literal file, its session key sealed to a passphrase and/or a public key. Bouncy
 * Castle's lightweight API, so nothing is registered as a JCE provider.
 */
final class OpenPgp {

    /**
     * The S2K count byte 255: 65,011,712 bytes hashed per passphrase guess, what GnuPG itself uses for
     * files sealed with {@code gpg --symmetric}. Bouncy Castle's default (96, 65,536 bytes) made guessing a
     * found copy's passphrase offline a thousand times cheaper; it costs about a fifth of a second per backup.
     */
    static final int S2K_COUNT = 0xff;

    /** The name GnuPG gives the decrypted file when asked to keep the original name. */
    static final String INNER_NAME = "outband-backup.zip";

    /** Why a file could not be opened, in the terms an administrator can act on. */
    static final class Unreadable extends IOException {
        enum Reason {
            NOT_OPENPGP, WRONG_SECRET, DAMAGED
        }

        final Reason reason;

        Unreadable(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }
    }

    /** What may open a file: a passphrase, and/or an armored secret key with the passphrase that protects it. */
    record Secrets(Optional<char[]> passphrase, Optional<Path> privateKey) {
    }

    private OpenPgp() {
    }

    /** Reads the encryption key of an armored (or binary) public key file, e.g. {@code gpg --export --armor}. */
    static PGPPublicKey publicKey(Path file) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            for (PGPPublicKeyRing ring : rings) {
                for (PGPPublicKey key : ring) {
                    if (key.isEncryptionKey() && !key.hasRevocation()) {
                        return key;
                    }
                }
            }
        } catch (PGPException e) {
            throw new IOException(file + " is not an OpenPGP public key: " + e.getMessage(), e);
        }
        throw new IOException(file + " holds no key that can encrypt (export the public key with gpg --export --armor)");
    }

    /**
     * A stream whose bytes end up encrypted in {@code out}; closing it finishes the OpenPGP packets
     * but leaves {@code out} open.
     */
    static OutputStream encrypt(OutputStream out, Optional<char[]> passphrase, Optional<PGPPublicKey> key) throws IOException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        try {
            if (passphrase.isPresent()) {
                generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(passphrase.get(),
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), S2K_COUNT));
            }
            key.ifPresent(k -> generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(k)));
            OutputStream encrypted = generator.open(out, new byte[1 << 16]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, INNER_NAME, new Date(), new byte[1 << 16]);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    plain.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    plain.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    plain.close();
                    literal.close();
                    encrypted.close();
                    generator.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    /**
     * The decrypted content of {@code in}. Its integrity is only known at the end: the stream throws
     * {@link Unreadable} with {@code DAMAGED} when it is read to the end and the check fails, so a
     * caller must read it all before trusting anything it read.
     */
    static InputStream decrypt(InputStream in, Secrets secrets) throws IOException {
        PGPEncryptedDataList list;
        try {
            PGPObjectFactory factory = new PGPObjectFactory(PGPUtil.getDecoderStream(in), new BcKeyFingerprintCalculator());
            Object first = factory.nextObject();
            list = first instanceof PGPEncryptedDataList l ? l
                    : (PGPEncryptedDataList) factory.nextObject();
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(Unreadable.Reason.NOT_OPENPGP, "This is not an encrypted Outband backup (no OpenPGP data found).", e);
        }
        if (list == null) {
            throw new Unreadable(Unreadable.Reason.NOT_OPENPGP, "This is not an encrypted Outband backup (no OpenPGP data found).", null);
        }
        PGPEncryptedData opened = null;
        InputStream clear = null;
        PGPException lastFailure = null;
        for (PGPEncryptedData data : list) {
            try {
                if (data instanceof PGPPBEEncryptedData pbe && secrets.passphrase().isPresent() && secrets.privateKey().isEmpty()) {
                    clear = pbe.getDataStream(new BcPBEDataDecryptorFactory(secrets.passphrase().get(),
                            new BcPGPDigestCalculatorProvider()));
                } else if (data instanceof PGPPublicKeyEncryptedData pk && secrets.privateKey().isPresent()) {
                    PGPPrivateKey key = privateKey(secrets.privateKey().get(), pk.getKeyID(),
                            secrets.passphrase().orElse(new char[0]));
                    if (key != null) {
                        clear = pk.getDataStream(new BcPublicKeyDataDecryptorFactory(key));
                    }
                }
            } catch (PGPException | RuntimeException e) {
                lastFailure = e instanceof PGPException p ? p : new PGPException(e.getMessage(), (Exception) e);
            }
            if (clear != null) {
                opened = data;
                break;
            }
        }
        if (clear == null) {
            throw new Unreadable(Unreadable.Reason.WRONG_SECRET, secrets.privateKey().isPresent()
                    ? "The private key does not open this backup, or its passphrase is wrong."
                    : "The passphrase does not open this backup.", lastFailure);
        }
        return literal(clear, opened);
    }

    private static InputStream literal(InputStream clear, PGPEncryptedData opened) throws IOException {
        try {
            PGPObjectFactory inner = new PGPObjectFactory(clear, new BcKeyFingerprintCalculator());
            Object object = inner.nextObject();
            if (object instanceof PGPCompressedData compressed) {
                inner = new PGPObjectFactory(compressed.getDataStream(), new BcKeyFingerprintCalculator());
                object = inner.nextObject();
            }
            if (!(object instanceof PGPLiteralData literal)) {
                throw new Unreadable(Unreadable.Reason.DAMAGED, "The backup opened but holds no file.", null);
            }
            return new VerifiedAtEnd(literal.getInputStream(), opened);
        } catch (PGPException | RuntimeException e) {
            throw damaged(e);
        }
    }

    private static Unreadable damaged(Exception cause) {
        return new Unreadable(Unreadable.Reason.DAMAGED,
                "The backup file is damaged or incomplete (its integrity check failed).", cause);
    }

    private static PGPPrivateKey privateKey(Path file, long keyId, char[] passphrase) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
            PGPSecretKey secret = rings.getSecretKey(keyId);
            return secret == null ? null
                    : secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
        }
    }

    /** Passes the content through and checks the modification detection code once it is all read. */
    private static final class VerifiedAtEnd extends InputStream {
        private final InputStream content;
        private final PGPEncryptedData data;
        private boolean verified;

        VerifiedAtEnd(InputStream content, PGPEncryptedData data) {
            this.content = content;
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = content.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw damaged(e);
            }
            if (n < 0 && !verified) {
                verify();
            }
            return n;
        }

        private void verify() throws IOException {
            try {
                if (!data.isIntegrityProtected() || !data.verify()) {
                    throw damaged(null);
                }
            } catch (PGPException | RuntimeException e) {
                throw damaged(e);
            }
            verified = true;
        }

        /** Reads whatever is left, so the check covers the whole file even if the reader stopped early. */
        void drain() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // reading is the point
            }
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** Reads {@code in} to its end, verifying it if it is a decrypted stream. */
    static void readToEnd(InputStream in) throws IOException {
        if (in instanceof VerifiedAtEnd verified) {
            verified.drain();
        } else {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
