package se.outband.access;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import se.outband.common.Refused;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    /** The body of create and update; on update, a missing field is left as it is. */
    public record UserRequest(
            @Size(max = BOUND, message = "{request.text.too-long}") String username,
            @Size(max = BOUND, message = "{request.text.too-long}") String password,
            @Size(max = UserRequest.ROLES, message = "{request.list.too-long}")
            List<@Size(max = BOUND, message = "{request.text.too-long}") String> roles,
            @Size(max = BOUND, message = "{request.text.too-long}") String mobile) {

        /** Longer than any user name, password or number the service takes; what is valid is the service's to say. */
        static final int BOUND = 200;
        /** There are three roles: a list of more than a handful is not a list of roles. */
        static final int ROLES = 10;
    }

    private final UserService users;
    private final SecondFactor secondFactor;

    UserResource(UserService users, SecondFactor secondFactor) {
        this.users = users;
        this.secondFactor = secondFactor;
    }

    @GET
    public List<UserService.UserView> list() {
        return users.list();
    }

    @POST
    public Response create(@Valid UserRequest request) {
        UserRequest body = required(request);
        UserService.UserView created = users.create(body.username(), body.password(), body.roles(), body.mobile());
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    public UserService.UserView update(@PathParam("username") String username, @Valid UserRequest request) {
        UserRequest body = required(request);
        return users.update(username, body.password(), body.roles(), body.mobile());
    }

    @DELETE
    @Path("/{username}")
    public Response delete(@PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }

    /** For a lost phone: the user signs in with the password again and enrols a new second factor. */
    @DELETE
    @Path("/{username}/second-factor")
    public Response resetSecondFactor(@PathParam("username") String username) {
        secondFactor.reset(username);
        return Response.noContent().build();
    }

    private static UserRequest required(UserRequest request) {
        if (request == null) {
            throw new Refused(new AccessRefusal.BodyMissing());
        }
        return request;
    }
}
