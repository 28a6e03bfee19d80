package se.outband.access;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP Basic on the API against Outband's own accounts, for users without a second factor only. The API
 * has no place for a code, so a password there would open to one factor what the web UI opens only to
 * two: a user who has enrolled a second factor is refused and told to use an API token, and so is one
 * whose role requires a second factor they have not set up yet, who is told to set it up in the web UI
 * first (until then, the password gives them nothing from the API: not even a permanent token made with it).
 * Both are refused as credentials that do not open the API, 401 with the schemes that do, rather than
 * 403: the password is no less right for it, nothing else they could ask for with it would be allowed, and
 * what they should do is send other credentials (a token), which is what 401 says.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final PasswordLogin login;

    PasswordIdentityProvider(PasswordLogin login) {
        this.login = login;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = routing == null ? "unknown" : ClientAddress.of(routing.request());
        return context.runBlocking(() -> {
            PasswordLogin.Result result = login.attempt(username, password, address);
            if (result instanceof PasswordLogin.Accepted accepted) {
                if (accepted.secondFactor()) {
                    throw SignInRefusal.useToken();
                }
                if (accepted.mustEnrol()) {
                    throw SignInRefusal.enrolFirst();
                }
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(accepted.username()))
                        .addRoles(accepted.roles())
                        .build();
            }
            if (result instanceof PasswordLogin.HeldBack heldBack) {
                throw SignInRefusal.heldBack(heldBack.retryAfter());
            }
            throw new AuthenticationFailedException();
        });
    }
}
