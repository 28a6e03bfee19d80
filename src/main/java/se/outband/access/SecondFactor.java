package se.outband.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.RawString;
import se.outband.common.QrCodes;
import se.outband.common.Refused;
import se.outband.common.Sha256;

/**
 * Two-factor sign-in with any authenticator app ({@link AuthenticatorApp}),
 * independent of the organisation's own identity provider, plus ten one-time recovery codes for a
 * lost phone. Setting it up, changing the app and renewing the recovery codes need the password or the
 * current app's code, not only a signed-in browser (which may be an unlocked screen or a stolen
 * session), and end the user's other sessions.
 */
@ApplicationScoped
public class SecondFactor {

    static final int RECOVERY_CODES = 10;
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /**
     * What the enrolment page shows: the QR code and the same secret as text for typing in;
     * {@code replacing} when the user already has an app, whose code may then stand in for the password.
     */
    public record Enrolment(String secret, String uri, RawString qrCode, boolean replacing) {
    }

    private final SecureRandom random = new SecureRandom();
    private final AuthenticatorApp app;
    private final Clock clock;
    private final AuditLog audit;
    private final WebSessions sessions;
    private final SignInThrottle throttle;
    private final PasswordLogin passwords;

    SecondFactor(AuthenticatorApp app, Clock clock, AuditLog audit, WebSessions sessions, SignInThrottle throttle,
            PasswordLogin passwords) {
        this.app = app;
        this.throttle = throttle;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * The secret to scan (a new one unless one is already waiting for its first code). Showing it needs
     * nothing more than the signed-in browser: it only takes effect once {@link #confirm} has both a code
     * from it and the user's proof.
     */
    @Transactional
    public Enrolment enrolment(String username) {
        User user = User.findByUsername(username);
        if (user.totpPendingSecret == null) {
            user.totpPendingSecret = app.newSecret();
        }
        String uri = app.link(user.username, user.totpPendingSecret);
        return new Enrolment(AuthenticatorApp.grouped(user.totpPendingSecret), uri,
                QrCodes.svg(uri, AuthenticatorApp.ISSUER + " " + user.username), user.hasSecondFactor());
    }

    /**
     * The first code from the new app, with the password (or, to change apps, the current app's code),
     * makes the new secret the user's; returns the recovery codes, shown once. Every other session of
     * the user ends: whoever else was signed in must get past the new second factor.
     *
     * @param keep the session making the change (its cookie value), which stays signed in
     */
    @Transactional
    public List<String> confirm(String username, String code, String proof, String address, String keep) {
        User user = locked(username);
        String pending = user.totpPendingSecret;
        // The new app's code first: anyone who sees the QR code can make it, so a wrong one costs no try.
        // A new secret has had no code used, whatever the old app's last step was.
        OptionalLong step = pending == null ? OptionalLong.empty() : app.matchingStep(pending, code, null);
        if (step.isEmpty()) {
            throw new Refused(new AccessRefusal.CodeWrong());
        }
        requireProof(user, proof, address);
        User.update("totpSecret = ?1, totpPendingSecret = null, totpLastStep = ?2 where id = ?3", pending, step.getAsLong(), user.id);
        sessions.endAllBut(user.id, keep);
        audit.record("second-factor.enrolled", "username=" + user.username);
        return newRecoveryCodes(user);
    }

    /** New recovery codes, with the password or the app's code; the old ones stop working, and so do the user's other sessions. */
    @Transactional
    public List<String> renewRecoveryCodes(String username, String proof, String address, String keep) {
        User user = locked(username);
        requireProof(user, proof, address);
        sessions.endAllBut(user.id, keep);
        audit.record("second-factor.recovery-codes-renewed", "username=" + user.username);
        return newRecoveryCodes(user);
    }

    /** The user's row, held until the change ends: two changes at once (a double click) are made one after the other. */
    private static User locked(String username) {
        return User.<User>find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * That the one asking is the user, not only someone at their signed-in browser: their password, or
     * the code their app shows now (used up like a sign-in's). Both are guessed like passwords, so a try
     * takes from the same per-address buckets as signing in. Six digits are a code: no password is that short.
     */
    private void requireProof(User user, String proof, String address) {
        String given = proof == null ? "" : proof;
        if (user.hasSecondFactor() && given.replaceAll("\\s", "").matches("\\d{6}")) {
            String account = "#" + user.id;
            var wait = throttle.acquire(account, address);
            if (wait.isPresent()) {
                throw new Refused(new AccessRefusal.HeldBack(wait.get()));
            }
            OptionalLong step = app.matchingStep(user.totpSecret, given, user.totpLastStep);
            if (step.isEmpty() || !useStep(user, step.getAsLong())) {
                throw new Refused(new AccessRefusal.ProofWrong());
            }
            throttle.succeeded(account, address);
            return;
        }
        PasswordLogin.Result result = passwords.attempt(user.username, given, address);
        if (result instanceof PasswordLogin.HeldBack heldBack) {
            throw new Refused(new AccessRefusal.HeldBack(heldBack.retryAfter()));
        }
        if (!(result instanceof PasswordLogin.Accepted)) {
            throw new Refused(new AccessRefusal.ProofWrong());
        }
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
        OptionalLong step = app.matchingStep(user.totpSecret, code, user.totpLastStep);
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
}
