package se.outband.access;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** User name and password (HTTP Basic now, the login form later) against Outband's own accounts. */
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
        return context.runBlocking(() -> {
            PasswordLogin.Result result = login.attempt(username, password);
            if (result instanceof PasswordLogin.Accepted accepted) {
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(accepted.username()))
                        .addRoles(accepted.roles())
                        .build();
            }
            if (result instanceof PasswordLogin.Locked locked) {
                throw AccountLock.failure(locked.until());
            }
            throw new AuthenticationFailedException();
        });
    }
}
