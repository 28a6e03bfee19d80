package se.outband.messaging.meetings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import se.outband.common.Sha256;

/**
 * A meeting's six-digit PIN, stored only as a hash salted per meeting: a copy of the table does not give
 * the PINs away by one table of a million hashes. Guessing by phone is bounded by three tries a call.
 */
final class Pins {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PIN = Pattern.compile("[0-9]{6}");

    private Pins() {
    }

    static String newPin() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String newSalt() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String salt, String pin) {
        return Sha256.hex(salt + ":" + pin);
    }

    static boolean opens(Meeting meeting, String typed) {
        return typed != null && PIN.matcher(typed).matches() && MessageDigest.isEqual(
                meeting.pinHash.getBytes(StandardCharsets.UTF_8), hash(meeting.pinSalt, typed).getBytes(StandardCharsets.UTF_8));
    }
}
