package se.outband.continuity;

/**
 * Who signed a backup, as far as the restore could tell once it had read the whole file. {@code signer}
 * is a fingerprint (or a key id, for a signature that names no fingerprint); null when the backup is not signed.
 */
record BackupSignature(Kind kind, String signer) {

    enum Kind {
        /** Signed by one of the keys the restore was told to expect, and unchanged since. */
        VERIFIED,
        /** No signature at all: anyone holding the public key or passphrase it is sealed to can make such a file. */
        UNSIGNED,
        /** Signed, but by a key the restore was not told to expect. */
        OTHER_SIGNER,
        /** Signed by an expected key, but the content is not what it signed: changed after signing. */
        ALTERED,
        /** Signed, but the restore was given no key to check it with. */
        NOT_CHECKED
    }

    boolean verified() {
        return kind == Kind.VERIFIED;
    }

    /** What is known of the backup's origin, for the log and the audit entry. */
    String summary() {
        return switch (kind) {
            case VERIFIED -> "signed by " + signer;
            case UNSIGNED -> "not signed";
            case OTHER_SIGNER -> "signed by another key, " + signer;
            case ALTERED -> "changed after " + signer + " signed it";
            case NOT_CHECKED -> "signed by " + signer + ", not checked";
        };
    }

    /** Why this backup is not known to be Outband's, in words for the end of the log. */
    String problem(String expected) {
        return switch (kind) {
            case VERIFIED -> "";
            case UNSIGNED -> "The backup is not signed, so nothing shows that Outband made it: anyone holding the public key"
                    + " or the passphrase it is sealed to can make such a file.";
            case OTHER_SIGNER -> "The backup is signed by another key (" + signer + "), not by the backup signing key "
                    + expected + ": it may be forged.";
            case ALTERED -> "The backup was changed after it was signed: its signature by " + signer
                    + " does not match its content.";
            case NOT_CHECKED -> "The backup's signature by " + signer + " was not checked.";
        };
    }
}
