package se.outband.continuity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * OpenPGP files (RFC 4880) that plain GnuPG and Sequoia open: one AES-256 encrypted, integrity-protected
 * packet holding one literal file, signed inside the encryption as {@code gpg --sign --encrypt} does (a
 * one-pass signature, the file, the signature), its session key sealed to a passphrase and/or a public key.
 * Bouncy Castle's lightweight API, so nothing is registered as a JCE provider.
 */
final class OpenPgp {

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
     * A stream whose bytes end up encrypted in {@code out}, signed by {@code signer} when there is one;
     * closing it finishes the OpenPGP packets but leaves {@code out} open.
     */
    static OutputStream encrypt(OutputStream out, Optional<char[]> passphrase, int s2kCount, Optional<PGPPublicKey> key,
            Optional<SigningKeys.Signer> signer) throws IOException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        try {
            if (passphrase.isPresent()) {
                generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(passphrase.get(),
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), s2kCount));
            }
            key.ifPresent(k -> generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(k)));
            OutputStream encrypted = generator.open(out, new byte[1 << 16]);
            PGPSignatureGenerator signature = signer.isPresent() ? signatureGenerator(signer.get()) : null;
            if (signature != null) {
                signature.generateOnePassVersion(false).encode(encrypted);
            }
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, INNER_NAME, new Date(), new byte[1 << 16]);
            return new OutputStream() {
                private boolean closed;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] { (byte) b }, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    plain.write(b, off, len);
                    if (signature != null) {
                        signature.update(b, off, len);
                    }
                }

                /** Once: the ZIP closes it and so does its owner, and a second signature would land after the encryption. */
                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    plain.close();
                    literal.close();
                    if (signature != null) {
                        try {
                            signature.generate().encode(encrypted);
                        } catch (PGPException e) {
                            throw new IOException("Cannot sign: " + e.getMessage(), e);
                        }
                    }
                    encrypted.close();
                    generator.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("Cannot encrypt: " + e.getMessage(), e);
        }
    }

    /**
     * A binary signature (the file as it is, no line endings changed) by {@code signer}'s key, hashed with
     * SHA-256, naming the key's fingerprint as gpg 2.2 and Sequoia expect to find it.
     */
    private static PGPSignatureGenerator signatureGenerator(SigningKeys.Signer signer) throws PGPException {
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(signer.publicKey().getAlgorithm(), HashAlgorithmTags.SHA256), signer.publicKey());
        generator.init(PGPSignature.BINARY_DOCUMENT, signer.privateKey());
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(false, new Date());
        hashed.setIssuerFingerprint(false, signer.publicKey());
        generator.setHashedSubpackets(hashed.generate());
        return generator;
    }

    /**
     * The decrypted content of {@code in}. Its integrity and its signature are only known at the end: the
     * stream throws {@link Unreadable} with {@code DAMAGED} when it is read to the end and the integrity
     * check fails, and only then tells {@link DecryptedBackup#signature() who signed it} (checked against
     * {@code signers}, the public keys that may have), so a caller must read it all before trusting
     * anything it read.
     */
    static DecryptedBackup decrypt(InputStream in, Secrets secrets, List<PGPPublicKeyRing> signers) throws IOException {
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
        return literal(clear, opened, signers);
    }

    /** Past the compression and the signatures that come before the file (gpg compresses what it signs). */
    private static DecryptedBackup literal(InputStream clear, PGPEncryptedData opened, List<PGPPublicKeyRing> signers) throws IOException {
        try {
            PGPObjectFactory inner = new PGPObjectFactory(clear, new BcKeyFingerprintCalculator());
            Object object = inner.nextObject();
            if (object instanceof PGPCompressedData compressed) {
                inner = new PGPObjectFactory(compressed.getDataStream(), new BcKeyFingerprintCalculator());
                object = inner.nextObject();
            }
            PGPOnePassSignatureList onePass = null;
            PGPSignatureList leading = null;
            if (object instanceof PGPOnePassSignatureList list) {
                onePass = list;
                object = inner.nextObject();
            }
            if (object instanceof PGPSignatureList list) {
                leading = list;
                object = inner.nextObject();
            }
            if (!(object instanceof PGPLiteralData literal)) {
                throw new Unreadable(Unreadable.Reason.DAMAGED, "The backup opened but holds no file.", null);
            }
            return new DecryptedBackup(literal.getInputStream(), opened, clear, inner, new SignatureCheck(signers, onePass, leading));
        } catch (PGPException | RuntimeException e) {
            throw DecryptedBackup.damaged(e);
        }
    }

    private static PGPPrivateKey privateKey(Path file, long keyId, char[] passphrase) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
            PGPSecretKey secret = rings.getSecretKey(keyId);
            return secret == null ? null
                    : secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
        }
    }

}
