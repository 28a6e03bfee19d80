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
 * HTTP Basic on the API against Outband's own accounts. A user who has enrolled a second factor is
 * refused here (a password alone is not enough for them) and told to use an API token.
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
