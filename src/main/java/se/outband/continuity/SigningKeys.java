package se.outband.continuity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The OpenPGP keys that say who made a backup: the secret key Outband signs with (an armored file the
 * operator keeps with the instance's other secrets, made with gpg) and the public halves a restore checks
 * against. Files as {@code gpg --export-secret-keys --armor} and {@code gpg --export --armor} write them.
 */
final class SigningKeys {

    /** The key that signs: its secret half, and the public key (primary or subkey) a signature names. */
    record Signer(PGPPrivateKey privateKey, PGPPublicKey publicKey) {
    }

    private SigningKeys() {
    }

    /**
     * The first key of {@code file} that may sign data, opened with {@code passphrase} (empty for a key
     * without one). The messages name what to do, for the start report.
     */
    static Signer signer(Path file, char[] passphrase) throws IOException {
        readable(file);
        PGPSecretKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (PGPException | RuntimeException e) {
            throw new IOException("it is not an OpenPGP secret key (export one with gpg --export-secret-keys --armor): " + e.getMessage(), e);
        }
        boolean found = false;
        for (PGPSecretKeyRing ring : rings) {
            for (PGPSecretKey secret : ring) {
                if (!secret.isSigningKey() || secret.isPrivateKeyEmpty() || !signsData(secret.getPublicKey())) {
                    continue;
                }
                found = true;
                try {
                    PGPPrivateKey key = secret.extractPrivateKey(
                            new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
                    if (key != null) {
                        return new Signer(key, secret.getPublicKey());
                    }
                } catch (PGPException | RuntimeException e) {
                    // a wrong passphrase: said below, once no other key opens
                }
            }
        }
        throw new IOException(found
                ? "its passphrase (OUTBAND_BACKUP_SIGNING_KEY_PASSPHRASE) does not open the key"
                : "it holds no secret key that may sign (make one with gpg --quick-gen-key, which signs by default)");
    }

    /**
     * The public halves in {@code file}: an exported public key, or a secret key file whose public half
     * is read without its passphrase.
     */
    static List<PGPPublicKeyRing> certificates(Path file) throws IOException {
        readable(file);
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPObjectFactory objects = new PGPObjectFactory(in, new BcKeyFingerprintCalculator());
            for (Object object; (object = objects.nextObject()) != null;) {
                if (object instanceof PGPPublicKeyRing ring) {
                    rings.add(ring);
                } else if (object instanceof PGPSecretKeyRing ring) {
                    rings.add(ring.toCertificate());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("it is not an OpenPGP key (export the public key with gpg --export --armor): " + e.getMessage(), e);
        }
        if (rings.isEmpty()) {
            throw new IOException("it holds no OpenPGP key (export the public key with gpg --export --armor)");
        }
        return rings;
    }

    /** The fingerprint of the key (its primary key), grouped as {@code gpg --fingerprint} prints it. */
    static String fingerprint(PGPPublicKeyRing ring) {
        return fingerprint(ring.getPublicKey().getFingerprint());
    }

    static String fingerprint(byte[] fingerprint) {
        String hex = HexFormat.of().formatHex(fingerprint).toUpperCase(Locale.ROOT);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                // gpg sets the two halves of a 40-digit fingerprint apart
                grouped.append(i == hex.length() / 2 && hex.length() == 40 ? "  " : " ");
            }
            grouped.append(hex, i, Math.min(i + 4, hex.length()));
        }
        return grouped.toString();
    }

    /** The public half as {@code gpg --export --armor} writes it: for the offline kit, and for gpg or sq to verify with. */
    static byte[] armored(PGPPublicKeyRing ring) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            ring.encode(armor, true);
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void readable(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("the file does not exist or cannot be read");
        }
    }

    /**
     * Whether the key's self-signatures (binding signatures for a subkey) allow signing data; a key without
     * key flags is old enough to go by its algorithm, which the caller has checked, if it is the primary key.
     */
    private static boolean signsData(PGPPublicKey key) {
        int flags = 0;
        Iterator<PGPSignature> signatures = key.isMasterKey() ? key.getSignaturesForKeyID(key.getKeyID())
                : key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (signatures.hasNext()) {
            PGPSignatureSubpacketVector hashed = signatures.next().getHashedSubPackets();
            flags |= hashed == null ? 0 : hashed.getKeyFlags();
        }
        return flags == 0 ? key.isMasterKey() : (flags & KeyFlags.SIGN_DATA) != 0;
    }
}
