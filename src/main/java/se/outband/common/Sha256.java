package se.outband.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How random secrets (API tokens, session ids, recovery codes, SMS confirmation codes) are stored: 256 bits or close to it, so
 * a fast hash is safe (unlike passwords, which need bcrypt) and checking one costs nothing.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
