package se.outband.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.RawString;
import se.outband.common.QrCodes;
import se.outband.common.Refused;
import se.outband.common.Sha256;

/**
 * Two-factor sign-in with any authenticator app (TOTP, RFC 6238: HMAC-SHA1, 30 seconds, 6 digits),
 * independent of the organisation's own identity provider, plus ten one-time recovery codes for a
 * lost phone.
 */
@ApplicationScoped
public class SecondFactor {

    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "Outband";
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** What the enrolment page shows: the QR code and the same secret as text for typing in. */
    public record Enrolment(String secret, String uri, RawString qrCode) {
    }

    private final SecureRandom random = new SecureRandom();
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
    private final Clock clock;
    private final AuditLog audit;
    private final WebSessions sessions;
    private final SignInThrottle throttle;

    SecondFactor(Clock clock, AuditLog audit, WebSessions sessions, SignInThrottle throttle) {
        this.throttle = throttle;
        this.clock = clock;
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * The secret to scan (a new one unless one is already waiting for its first code); it only takes
     * effect once a code from it is confirmed.
     */
    @Transactional
    public Enrolment enrolment(String username) {
        User user = User.findByUsername(username);
        if (user.totpPendingSecret == null) {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            user.totpPendingSecret = new Base32().encodeToString(bytes).replace("=", "");
        }
        String label = URLEncoder.encode(ISSUER + ":" + user.username, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + user.totpPendingSecret + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(grouped(user.totpPendingSecret), uri, QrCodes.svg(uri, ISSUER + " " + user.username));
    }

    /** The first code from the app confirms the secret; returns the recovery codes, shown once. */
    @Transactional
    public List<String> confirm(String username, String code) {
        User user = User.findByUsername(username);
        OptionalLong step = user.totpPendingSecret == null ? OptionalLong.empty() : matchingStep(user, user.totpPendingSecret, code);
        if (step.isEmpty()) {
            throw new Refused(new AccessRefusal.CodeWrong());
        }
        user.totpLastStep = step.getAsLong();
        user.totpSecret = user.totpPendingSecret;
        user.totpPendingSecret = null;
        audit.record("second-factor.enrolled", "username=" + user.username);
        return newRecoveryCodes(user);
    }

    /** New recovery codes; the old ones stop working. */
    @Transactional
    public List<String> renewRecoveryCodes(String username) {
        User user = User.findByUsername(username);
        audit.record("second-factor.recovery-codes-renewed", "username=" + user.username);
        return newRecoveryCodes(user);
    }

    /**
     * The code step of signing in. Codes are guessed like passwords, so a try takes from the same
     * per-address buckets as {@link PasswordLogin}, keyed by the account, before anything is checked.
     */
    public PasswordLogin.Result signIn(long userId, String code, String address) {
        String account = "#" + userId;
        var wait = throttle.acquire(account, address);
        if (wait.isPresent()) {
            return new PasswordLogin.HeldBack(wait.get());
        }
        PasswordLogin.Result result = QuarkusTransaction.requiringNew().call(() -> check(userId, code));
        if (result instanceof PasswordLogin.Accepted) {
            throttle.succeeded(account, address);
        }
        return result;
    }

    /**
     * A code from the app, or an unused recovery code (which is then used up). Either is used up by a
     * conditional update whose count decides, never by writing back what was read: the same code sent
     * at once from several sign-ins, on several instances, opens one.
     */
    private PasswordLogin.Result check(long userId, String code) {
        User user = User.findById(userId);
        if (user == null || user.totpSecret == null || code == null) {
            return new PasswordLogin.Rejected();
        }
        OptionalLong step = matchingStep(user, user.totpSecret, code);
        if (step.isPresent()) {
            return useStep(user, step.getAsLong()) ? accepted(user) : new PasswordLogin.Rejected();
        }
        int used = RecoveryCode.update("usedAt = ?1 where userId = ?2 and codeHash = ?3 and usedAt is null", clock.instant(), userId,
                Sha256.hex(normalised(code)));
        if (used == 0) {
            return new PasswordLogin.Rejected();
        }
        audit.record(user.username, "second-factor.recovery-code-used",
                "%d recovery codes left".formatted(RecoveryCode.count("userId = ?1 and usedAt is null", userId)));
        return accepted(user);
    }

    private static PasswordLogin.Accepted accepted(User user) {
        return new PasswordLogin.Accepted(user.id, user.username, user.roleSet(), true, false);
    }

    @Transactional
    public long recoveryCodesLeft(String username) {
        User user = User.findByUsername(username);
        return RecoveryCode.count("userId = ?1 and usedAt is null", user.id);
    }

    @Transactional
    public boolean enrolled(String username) {
        User user = User.findByUsername(username);
        return user != null && user.hasSecondFactor();
    }

    /** An administrator's reset for a lost phone: the user signs in with the password and enrols again. */
    @Transactional
    public void reset(String username) {
        User user = User.findByUsername(username);
        if (user == null) {
            throw new Refused(new AccessRefusal.UserNotFound(username));
        }
        user.totpSecret = null;
        user.totpPendingSecret = null;
        user.totpLastStep = null;
        RecoveryCode.delete("userId", user.id);
        sessions.endAll(user.id);
        audit.record("second-factor.reset", "username=" + user.username);
    }

    /**
     * The step whose code this is: the previous, current and next 30-second step are accepted (phones'
     * clocks drift), each step once, so only steps after the last one used.
     */
    private OptionalLong matchingStep(User user, String secret, String code) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
        long now = clock.instant().getEpochSecond() / 30;
        for (long step = now - 1; step <= now + 1; step++) {
            if (user.totpLastStep != null && step <= user.totpLastStep) {
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

    /** Uses up {@code step} of the user's app, unless another request used it (or a later one) first. */
    private static boolean useStep(User user, long step) {
        return User.update("totpLastStep = ?1 where id = ?2 and (totpLastStep is null or totpLastStep < ?1)", step, user.id) == 1;
    }

    private List<String> newRecoveryCodes(User user) {
        RecoveryCode.delete("userId", user.id);
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            String shown = code.substring(0, 5) + "-" + code.substring(5);
            RecoveryCode stored = new RecoveryCode();
            stored.userId = user.id;
            stored.codeHash = Sha256.hex(normalised(shown));
            stored.persist();
            codes.add(shown);
        }
        return codes;
    }

    private static String normalised(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }
}
