package se.outband.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * What any authenticator app works with (TOTP, RFC 6238: HMAC-SHA1, 30 seconds, 6 digits): a new
 * secret, the link that hands it to the app, and which 30-second step a code belongs to.
 */
@ApplicationScoped
class AuthenticatorApp {

    static final String ISSUER = "Outband";

    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
    private final Clock clock;

    AuthenticatorApp(Clock clock) {
        this.clock = clock;
    }

    /** 160 random bits, in Base32 as apps take them. */
    String newSecret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The {@code otpauth:} link a QR code carries to the app. */
    String link(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The secret in groups of four, for typing in. */
    static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }

    /**
     * The step whose code this is: the previous, current and next 30-second step are accepted (phones'
     * clocks drift), each step once, so only steps after {@code lastUsed}.
     */
    OptionalLong matchingStep(String secret, String code, Long lastUsed) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
        long now = clock.instant().getEpochSecond() / 30;
        for (long step = now - 1; step <= now + 1; step++) {
            if (lastUsed != null && step <= lastUsed) {
                continue;
            }
            try {
                if (totp.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * 30), Locale.ROOT).equals(digits)) {
                    return OptionalLong.of(step);
                }
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("A stored TOTP secret is not a valid key", e);
            }
        }
        return OptionalLong.empty();
    }
}
