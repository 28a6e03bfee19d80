package se.outband.statuspage;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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

import se.outband.access.Roles;
import se.outband.common.Refused;
import se.outband.common.ShellCommand;
import se.outband.statuspage.StatusViews.IncidentRequest;
import se.outband.statuspage.StatusViews.IncidentView;
import se.outband.statuspage.StatusViews.SystemRequest;
import se.outband.statuspage.StatusViews.SystemView;
import se.outband.statuspage.StatusViews.UpdateRequest;
import se.outband.statuspage.StatusViews.UpdateView;

/** Editing the public status page. Every change renders the static site again. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class StatusResource {

    private final StatusPageService status;
    private final SitePublisher publisher;

    StatusResource(StatusPageService status, SitePublisher publisher) {
        this.status = status;
        this.publisher = publisher;
    }

    @GET
    @Path("/services")
    public List<SystemView> systems() {
        return status.systems();
    }

    @POST
    @Path("/services")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSystem(SystemRequest request) {
        SystemView created = status.createSystem(request);
        return Response.created(URI.create("/api/status/services/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/services/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SystemView updateSystem(@PathParam("id") long id, SystemRequest request) {
        return status.updateSystem(id, request);
    }

    @DELETE
    @Path("/services/{id}")
    public Response deleteSystem(@PathParam("id") long id) {
        status.deleteSystem(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/incidents")
    public List<IncidentView> incidents() {
        return status.incidents();
    }

    @POST
    @Path("/incidents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response openIncident(IncidentRequest request) {
        IncidentView created = status.openIncident(required(request));
        return Response.created(URI.create("/api/status/incidents/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/incidents/{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response postUpdate(@PathParam("id") long id, UpdateRequest request) {
        UpdateView created = status.postUpdate(id, required(request));
        return Response.status(201).entity(created).build();
    }

    /** The last run of outband.status.publish-command: when, exit code, output tail. 204 when it has not run. */
    @GET
    @Path("/publish")
    public Response publish() {
        ShellCommand.Run last = publisher.last();
        return last == null ? Response.noContent().build() : Response.ok(last).build();
    }

    private <T> T required(T body) {
        if (body == null) {
            throw new Refused(new StatusRefusal.BodyMissing());
        }
        return body;
    }
}
