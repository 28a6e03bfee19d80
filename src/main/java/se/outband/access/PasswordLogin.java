package se.outband.access;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Checks a user name and password, for the API's HTTP Basic and the web UI's sign-in form alike.
 * Guessing is slowed down by {@link SignInThrottle} per address; an unknown user name takes the same
 * path, time and answer as a wrong password, so user names cannot be found out.
 */
@ApplicationScoped
public class PasswordLogin {


    public sealed interface Result {
    }

    /**
     * The password was right; {@code secondFactor} when a code must follow before the web UI opens,
     * {@code mustEnrol} when their role requires a second factor they have not set up yet.
     */
    public record Accepted(long userId, String username, Set<String> roles, boolean secondFactor, boolean mustEnrol) implements Result {
    }

    public record Rejected() implements Result {
    }

    /** Too many tries from this address: nothing was checked. */
    public record HeldBack(Duration retryAfter) implements Result {
    }

    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final AccessConfig config;
    /**
     * Verified against when the user does not exist, so a wrong name takes as long as a wrong password:
     * hashed at the cost passwords are hashed at.
     */
    private final String dummyHash;

    PasswordLogin(AuditLog audit, SignInThrottle throttle, AccessConfig config) {
        this.audit = audit;
        this.throttle = throttle;
        this.config = config;
        this.dummyHash = BcryptUtil.bcryptHash("no such user", config.passwordHashCost());
    }

    public Result attempt(String username, String password, String address) {
        var wait = throttle.acquire(username, address);
        if (wait.isPresent()) {
            return new HeldBack(wait.get());
        }
        // A transaction of its own, so a failure is audited even though the request is refused.
        Result result = QuarkusTransaction.requiringNew().call(() -> check(username, password, address));
        if (result instanceof Accepted) {
            throttle.succeeded(username, address);
        }
        return result;
    }

    private Result check(String username, String password, String address) {
        if (password.length() > UserService.MAX_PASSWORD) {
            // bcrypt's work grows with the password's length: a megabyte of "password" is a way to burn CPU.
            audit.record(username, "login.failed", "password longer than any Outband accepts, from " + address);
            return new Rejected();
        }
        User user = User.findByUsername(username);
        if (user == null) {
            BcryptUtil.matches(password, dummyHash);
            audit.record(username, "login.failed", "unknown user, from " + address);
            return new Rejected();
        }
        if (!BcryptUtil.matches(password, user.passwordHash)) {
            audit.record(username, "login.failed", "wrong password, from " + address);
            return new Rejected();
        }
        return new Accepted(user.id, user.username, user.roleSet(), user.hasSecondFactor(), user.mustEnrol(config));
    }
}
