package se.outband.messaging.meetings;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import io.quarkus.security.identity.SecurityIdentity;
import se.outband.access.Roles;
import se.outband.common.Refused;

/** A leader's phone meetings: call one, follow it, add people, call someone again, end it. */
@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class MeetingResource {

    private final Meetings meetings;
    private final MeetingViews views;
    private final SecurityIdentity identity;

    MeetingResource(Meetings meetings, MeetingViews views, SecurityIdentity identity) {
        this.meetings = meetings;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response call(@Valid MeetingRequest request) {
        Meetings.Called called = meetings.call(present(request), identity.getPrincipal().getName());
        return Response.created(UriBuilder.fromPath("/api/meetings/{id}").build(called.id())).entity(called).build();
    }

    @GET
    public List<MeetingViews.Summary> list() {
        return views.list();
    }

    @GET
    @Path("/{id}")
    public MeetingViews.MeetingView view(@PathParam("id") long id) {
        return views.view(id);
    }

    @POST
    @Path("/{id}/people")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> add(@PathParam("id") long id, @Valid MeetingRequest request) {
        return Map.of("added", meetings.add(id, present(request)));
    }

    @POST
    @Path("/{id}/people/{person}/call")
    public Response callAgain(@PathParam("id") long id, @PathParam("person") long person) {
        meetings.callAgain(id, person);
        return Response.accepted().build();
    }

    @POST
    @Path("/{id}/end")
    public Response end(@PathParam("id") long id) {
        meetings.end(id);
        return Response.noContent().build();
    }

    private static MeetingRequest present(MeetingRequest request) {
        if (request == null) {
            throw new Refused(new MeetingRefusal.NobodyChosen());
        }
        return request;
    }
}
