package se.outband.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Carries why HTTP Basic was refused from the identity provider to the HTTP answer (the exception
 * type is final): held back for a while, a user with a second factor who must use a token, or a user
 * whose role requires a second factor who must set it up in the web UI first.
 */
final class SignInRefusal {

    private static final String RETRY_AFTER = "outband.retry-after";
    private static final String USE_TOKEN = "outband.use-token";
    private static final String ENROL_FIRST = "outband.enrol-first";

    private SignInRefusal() {
    }

    static AuthenticationFailedException heldBack(Duration retryAfter) {
        return new AuthenticationFailedException("too many sign-in attempts", Map.of(RETRY_AFTER, retryAfter));
    }

    static AuthenticationFailedException useToken() {
        return new AuthenticationFailedException("second factor enrolled: use a token", Map.of(USE_TOKEN, Boolean.TRUE));
    }

    static AuthenticationFailedException enrolFirst() {
        return new AuthenticationFailedException("second factor required but not enrolled", Map.of(ENROL_FIRST, Boolean.TRUE));
    }

    static Optional<Duration> retryAfter(Throwable failure) {
        return failure instanceof AuthenticationFailedException e
                ? Optional.ofNullable(e.<Duration>getAttribute(RETRY_AFTER))
                : Optional.empty();
    }

    static boolean useToken(Throwable failure) {
        return failure instanceof AuthenticationFailedException e && Boolean.TRUE.equals(e.getAttribute(USE_TOKEN));
    }

    static boolean enrolFirst(Throwable failure) {
        return failure instanceof AuthenticationFailedException e && Boolean.TRUE.equals(e.getAttribute(ENROL_FIRST));
    }
}
