package se.outband.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import se.outband.common.LinkTokens;

/** A check's six-digit codes, stored only as hashes (the links' tokens are {@link LinkTokens}). */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /**
     * A six-digit code is hashed with the person's row id and token hash, so a copy of the table does not
     * give it away by a lookup table of a million hashes shared by every row.
     */
    static String codeHash(CheckedPerson person, String code) {
        return LinkTokens.hash(person.id + ":" + person.tokenHash + ":" + code);
    }

    static boolean same(String hash, String other) {
        return hash != null && other != null
                && MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8), other.getBytes(StandardCharsets.UTF_8));
    }
}
