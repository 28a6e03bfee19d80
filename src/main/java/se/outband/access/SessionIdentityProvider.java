package se.outband.access;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A session cookie names a server-side session; the user and roles are read again on every request,
 * so a removed user, a changed role or an ended session take effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionMechanism.SessionRequest> {

    /** Identity attribute: the session's cookie value, so signing out can end exactly this session. */
    public static final String TOKEN = "outband.session-token";
    /** Identity attribute: the user's role requires a second factor they have not enrolled yet. */
    public static final String MUST_ENROL = "outband.must-enrol";

    private final WebSessions sessions;

    SessionIdentityProvider(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionMechanism.SessionRequest> getRequestType() {
        return SessionMechanism.SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionMechanism.SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.active(request.token)
                .map(user -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user.username()))
                        .addRoles(user.roles())
                        .addAttribute(TOKEN, request.token)
                        .addAttribute(MUST_ENROL, user.mustEnrol())
                        .build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
