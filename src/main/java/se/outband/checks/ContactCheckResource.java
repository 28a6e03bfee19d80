package se.outband.checks;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import se.outband.access.Roles;
import se.outband.common.Downloads;
import se.outband.common.QueryParameters;
import se.outband.common.Refused;
import se.outband.common.YesNo;

/** Contact checks for HR: start one, follow it, remind, and take the changes back to the HR system. */
@Path("/api/contact-checks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CONTACTS})
public class ContactCheckResource {

    private final ContactChecks checks;
    private final CheckPreviews previews;
    private final CheckProgress progress;
    private final SecurityIdentity identity;

    ContactCheckResource(ContactChecks checks, CheckPreviews previews, CheckProgress progress, SecurityIdentity identity) {
        this.checks = checks;
        this.previews = previews;
        this.progress = progress;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@Valid CheckRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new Refused(new CheckRefusal.DeadlineMissing());
        }
        QueryParameters.requireOnly(uri, "dryRun");
        if (YesNo.queryFlag(uri, "dryRun")) {
            // A drill of the check: what it would do, nothing stored, nothing sent.
            return Response.ok(previews.preview(request)).build();
        }
        long id = checks.start(request, identity.getPrincipal().getName());
        return Response.created(UriBuilder.fromPath("/api/contact-checks/{id}").build(id)).entity(Map.of("id", id)).build();
    }

    @GET
    public List<CheckProgress.Summary> list() {
        return progress.checks();
    }

    @GET
    @Path("/{id}")
    public CheckProgress.Figures figures(@PathParam("id") long id) {
        return progress.figures(id);
    }

    @GET
    @Path("/{id}/units")
    public List<CheckProgress.Unit> units(@PathParam("id") long id) {
        return progress.perUnit(id);
    }

    /** A new link by SMS (email without a mobile) to everyone who has not answered. */
    @POST
    @Path("/{id}/reminders")
    public Map<String, Integer> remind(@PathParam("id") long id) {
        return Map.of("reminded", checks.remind(id));
    }

    @GET
    @Path("/{id}/changes.csv")
    @Produces("text/csv")
    public Response changes(@PathParam("id") long id) {
        return Downloads.attachment(progress.changesCsv(id), "text/csv; charset=UTF-8", "contact-check-" + id + "-changes.csv");
    }
}
