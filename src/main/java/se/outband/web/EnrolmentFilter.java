package se.outband.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import se.outband.access.SessionIdentityProvider;

/**
 * A user whose role requires a second factor ({@code outband.access.totp-required-roles}) and who has
 * none yet sees only the page that sets it up (and can sign out) until it is done.
 */
public class EnrolmentFilter {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Response requireEnrolment(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        boolean mustEnrol = Boolean.TRUE.equals(identity.getAttribute(SessionIdentityProvider.MUST_ENROL));
        if (!mustEnrol || !path.startsWith("/app") || path.startsWith(AccountPages.PATH) || path.equals("/app/logout")) {
            return null;
        }
        return WebSupport.seeOther(AccountPages.PATH).build();
    }
}
