package se.outband.access;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import se.outband.common.Refused;

@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

    public record TokenRequest(
            @Size(max = TokenService.MAX_NAME, message = "{token.name.missing}") String name,
            @Size(max = UserResource.UserRequest.ROLES, message = "{request.list.too-long}")
            Set<@Size(max = UserResource.UserRequest.BOUND, message = "{request.text.too-long}") String> roles) {
    }

    private final TokenService tokens;
    private final SecurityIdentity identity;

    TokenResource(TokenService tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    @GET
    public List<TokenService.TokenView> list() {
        return tokens.list();
    }

    /** The answer holds the token itself; it cannot be shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid TokenRequest request) {
        if (request == null) {
            throw new Refused(new AccessRefusal.BodyMissing());
        }
        TokenService.CreatedToken created = tokens.create(request.name(), request.roles(), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/tokens/" + created.id())).entity(created).build();
    }

    /** Revokes the token; it stays listed, with the time it was revoked. */
    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
