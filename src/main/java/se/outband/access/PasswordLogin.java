package se.outband.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Checks a user name and password and keeps the lockout: five failures within {@link #WINDOW} lock
 * the account for {@link #LOCK}, which stops password guessing without locking anyone out for long.
 */
@ApplicationScoped
public class PasswordLogin {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    /** Verified against when the user does not exist, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such user");

    public sealed interface Result {
    }

    public record Accepted(String username, Set<String> roles) implements Result {
    }

    public record Rejected() implements Result {
    }

    public record Locked(Instant until) implements Result {
    }

    private final Clock clock;
    private final AuditLog audit;

    PasswordLogin(Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** Runs in a transaction of its own so a failure is counted even though the request is refused. */
    public Result attempt(String username, String password) {
        return QuarkusTransaction.requiringNew().call(() -> check(username, password));
    }

    private Result check(String username, String password) {
        Instant now = clock.instant();
        User user = User.findByUsername(username);
        if (user == null) {
            BcryptUtil.matches(password, DUMMY_HASH);
            audit.record(username, "login.failed", "unknown user");
            return new Rejected();
        }
        if (user.lockedAt(now)) {
            return new Locked(user.lockedUntil);
        }
        if (BcryptUtil.matches(password, user.passwordHash)) {
            user.failedLogins = 0;
            user.firstFailedAt = null;
            return new Accepted(user.username, user.roleSet());
        }
        if (user.firstFailedAt == null || !now.isBefore(user.firstFailedAt.plus(WINDOW))) {
            user.firstFailedAt = now;
            user.failedLogins = 0;
        }
        user.failedLogins++;
        audit.record(username, "login.failed", "wrong password, failure %d of %d".formatted(user.failedLogins, MAX_FAILURES));
        if (user.failedLogins >= MAX_FAILURES) {
            user.lockedUntil = now.plus(LOCK);
            user.failedLogins = 0;
            user.firstFailedAt = null;
            audit.record(username, "user.locked", "until " + user.lockedUntil);
            return new Locked(user.lockedUntil);
        }
        return new Rejected();
    }
}
