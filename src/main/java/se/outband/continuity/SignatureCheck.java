package se.outband.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Checks a signed file's signature as its content streams past, against the keys a restore expects: one
 * signature by one of them is what counts, in the one-pass form gpg and Outband write (signature after the
 * content) or the older form with the signature first.
 */
final class SignatureCheck {

    private final List<PGPPublicKeyRing> expected;
    private final PGPOnePassSignatureList onePass;
    private final PGPSignatureList leading;
    private PGPOnePassSignature checking;
    private PGPSignature checkingLeading;
    private PGPPublicKeyRing signer;

    /**
     * Before the content: {@code onePass} announces signatures that follow it, {@code leading} holds those
     * that came before it; either may be null.
     */
    SignatureCheck(List<PGPPublicKeyRing> expected, PGPOnePassSignatureList onePass, PGPSignatureList leading) throws PGPException {
        this.expected = expected;
        this.onePass = onePass;
        this.leading = leading;
        for (int i = 0; onePass != null && i < onePass.size() && checking == null; i++) {
            PGPPublicKey key = key(onePass.get(i).getKeyID());
            if (key != null) {
                checking = onePass.get(i);
                checking.init(new BcPGPContentVerifierBuilderProvider(), key);
            }
        }
        for (int i = 0; checking == null && leading != null && i < leading.size() && checkingLeading == null; i++) {
            PGPPublicKey key = key(leading.get(i).getKeyID());
            if (key != null) {
                checkingLeading = leading.get(i);
                checkingLeading.init(new BcPGPContentVerifierBuilderProvider(), key);
            }
        }
    }

    void update(byte[] content, int offset, int length) {
        if (checking != null) {
            checking.update(content, offset, length);
        } else if (checkingLeading != null) {
            checkingLeading.update(content, offset, length);
        }
    }

    /** After the content, with the signatures that followed it (null when none did). */
    BackupSignature finish(PGPSignatureList trailing) throws PGPException {
        if (checking != null) {
            PGPSignature signature = find(trailing, checking.getKeyID());
            // Announced but missing, or not matching: either way not what the key signed.
            return signature != null && checking.verify(signature) ? outcome(BackupSignature.Kind.VERIFIED)
                    : outcome(BackupSignature.Kind.ALTERED);
        }
        if (checkingLeading != null) {
            return outcome(checkingLeading.verify() ? BackupSignature.Kind.VERIFIED : BackupSignature.Kind.ALTERED);
        }
        List<String> signers = new ArrayList<>();
        for (PGPSignatureList list : new PGPSignatureList[] { leading, trailing }) {
            for (int i = 0; list != null && i < list.size(); i++) {
                signers.add(name(list.get(i)));
            }
        }
        for (int i = 0; signers.isEmpty() && onePass != null && i < onePass.size(); i++) {
            signers.add(Long.toHexString(onePass.get(i).getKeyID()).toUpperCase(Locale.ROOT));
        }
        if (signers.isEmpty()) {
            return new BackupSignature(BackupSignature.Kind.UNSIGNED, null);
        }
        return new BackupSignature(expected.isEmpty() ? BackupSignature.Kind.NOT_CHECKED : BackupSignature.Kind.OTHER_SIGNER,
                String.join(", ", signers));
    }

    /** When the signature could not be checked at all (malformed, or an algorithm this cannot verify). */
    BackupSignature unverifiable() {
        return signer != null ? outcome(BackupSignature.Kind.ALTERED)
                : new BackupSignature(BackupSignature.Kind.OTHER_SIGNER, "a signature that cannot be read");
    }

    private BackupSignature outcome(BackupSignature.Kind kind) {
        return new BackupSignature(kind, SigningKeys.fingerprint(signer));
    }

    /** The expected key (primary or subkey) with this id, remembering whose it is. */
    private PGPPublicKey key(long keyId) {
        for (PGPPublicKeyRing ring : expected) {
            PGPPublicKey key = ring.getPublicKey(keyId);
            if (key != null) {
                signer = ring;
                return key;
            }
        }
        return null;
    }

    private static PGPSignature find(PGPSignatureList list, long keyId) {
        for (int i = 0; list != null && i < list.size(); i++) {
            if (list.get(i).getKeyID() == keyId) {
                return list.get(i);
            }
        }
        return null;
    }

    /** The signing key's fingerprint when the signature names it (gpg's and Outband's do), else its key id. */
    private static String name(PGPSignature signature) {
        PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
        IssuerFingerprint issuer = hashed == null ? null : hashed.getIssuerFingerprint();
        return issuer != null ? SigningKeys.fingerprint(issuer.getFingerprint())
                : Long.toHexString(signature.getKeyID()).toUpperCase(Locale.ROOT);
    }
}
