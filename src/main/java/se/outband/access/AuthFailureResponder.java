package se.outband.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.outband.common.ApiError;
import se.outband.common.CommonMessages;
import se.outband.common.Language;

/**
 * Answers failed sign-ins on /api with the same JSON error body as everything else, and a locked
 * account with 429 and Retry-After, so people and scripts know to wait rather than retry.
 */
@ApplicationScoped
public class AuthFailureResponder {

    private final Clock clock;

    AuthFailureResponder(Clock clock) {
        this.clock = clock;
    }

    void register(@Observes Router router) {
        router.route("/api/*").failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended()) {
            context.next();
            return;
        }
        Language language = Language.preferred(context.acceptableLanguages().stream().map(LanguageHeader::tag).toList());
        Optional<Instant> lockedUntil = AccountLock.until(failure);
        if (lockedUntil.isPresent()) {
            // Rounded up: telling a client to come back a fraction too early only earns it another 429.
            long seconds = Math.max(1, (Duration.between(clock.instant(), lockedUntil.get()).toMillis() + 999) / 1000);
            context.response().putHeader("Retry-After", Long.toString(seconds));
            respond(context, 429, language.messages(AccessMessages.class).locked(PasswordLogin.LOCK.toMinutes()));
        } else if (failure instanceof AuthenticationFailedException) {
            challenge(context);
            respond(context, 401, language.messages(AccessMessages.class).badCredentials());
        } else if (failure instanceof UnauthorizedException) {
            challenge(context);
            respond(context, 401, language.messages(CommonMessages.class).unauthorized());
        } else {
            context.next();
        }
    }

    private static void challenge(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Basic realm=\"Outband\", charset=\"UTF-8\"");
    }

    private static void respond(RoutingContext context, int status, String message) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Json.encode(ApiError.of(message)));
    }
}
