package se.outband.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.quarkus.security.AuthenticationFailedException;

/** Carries "locked until" from the identity provider to the HTTP answer (the exception type is final). */
final class AccountLock {

    private static final String UNTIL = "outband.locked-until";

    private AccountLock() {
    }

    static AuthenticationFailedException failure(Instant until) {
        return new AuthenticationFailedException("account locked until " + until, Map.of(UNTIL, until));
    }

    static Optional<Instant> until(Throwable failure) {
        return failure instanceof AuthenticationFailedException e
                ? Optional.ofNullable(e.<Instant>getAttribute(UNTIL))
                : Optional.empty();
    }
}
