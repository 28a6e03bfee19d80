package se.outband.checks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The random parts of a check: each person's link token (256 bits) and the six-digit codes, stored only as hashes. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a token looks like (43 characters of base64url): anything else is refused before the database is asked. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Secrets() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /**
     * A six-digit code is hashed with the person's row id and token hash, so a copy of the table does not
     * give it away by a lookup table of a million hashes shared by every row.
     */
    static String codeHash(CheckedPerson person, String code) {
        return hash(person.id + ":" + person.tokenHash + ":" + code);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(String hash, String other) {
        return hash != null && other != null
                && MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8), other.getBytes(StandardCharsets.UTF_8));
    }
}
