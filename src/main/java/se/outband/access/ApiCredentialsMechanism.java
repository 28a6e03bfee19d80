package se.outband.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import se.outband.common.ApiError;
import se.outband.common.CommonMessages;
import se.outband.common.Language;

/**
 * The API's credentials: {@code Authorization: Basic} (user name and password, read as UTF-8 so
 * Swedish passwords work) and {@code Authorization: Bearer <token>}. One mechanism for both, so that a
 * refused request always gets the same plain-language JSON answer offering both schemes.
 */
@ApplicationScoped
public class ApiCredentialsMechanism implements HttpAuthenticationMechanism {

    private static final String BASIC = "basic ";
    private static final String BEARER = "bearer ";
    private static final String REFUSAL = ApiCredentialsMechanism.class.getName() + ".refusal";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        AuthenticationRequest request = null;
        if (startsWith(header, BEARER)) {
            request = new TokenAuthenticationRequest(new TokenCredential(header.substring(BEARER.length()).strip(), "bearer"));
        } else if (startsWith(header, BASIC)) {
            request = basic(header.substring(BASIC.length()).strip());
        }
        if (request == null) {
            return header == null ? Uni.createFrom().nullItem() : Uni.createFrom().failure(new AuthenticationFailedException());
        }
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request)
                .onFailure().invoke(failure -> context.put(REFUSAL, failure));
    }

    private static UsernamePasswordAuthenticationRequest basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
    }

    private static boolean startsWith(String header, String scheme) {
        return header != null && header.length() > scheme.length() && header.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Outband\", charset=\"UTF-8\""));
    }

    /**
     * An address that guessed too often gets 429 with Retry-After, so people and scripts know to wait;
     * anything else 401 offering both schemes.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        Language language = Language.of(context);
        Throwable refusal = context.get(REFUSAL);
        Duration retryAfter = SignInRefusal.retryAfter(refusal).orElse(null);
        String message;
        if (retryAfter != null) {
            context.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
            message = language.messages(AccessMessages.class).heldBack(SignInThrottle.minutes(retryAfter));
        } else {
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", List.<String>of("Basic realm=\"Outband\", charset=\"UTF-8\"", "Bearer"));
            message = SignInRefusal.useToken(refusal) ? language.messages(AccessMessages.class).useToken()
                    : SignInRefusal.enrolFirst(refusal) ? language.messages(AccessMessages.class).enrolFirst()
                    : context.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                            ? language.messages(CommonMessages.class).unauthorized()
                            : language.messages(AccessMessages.class).badCredentials();
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
        return Uni.createFrom().completionStage(context.response().end(Json.encode(ApiError.of(message))).toCompletionStage())
                .replaceWith(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
    }
}
