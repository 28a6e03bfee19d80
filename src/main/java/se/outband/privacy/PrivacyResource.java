package se.outband.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import se.outband.access.Roles;
import se.outband.common.CallerLanguage;
import se.outband.common.Downloads;

/** A person's rights over their data: everything stored about them, and their erasure. Administrators only. */
@Path("/api/contacts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PrivacyResource {

    private final PersonExport export;
    private final PersonErasure erasure;
    private final CallerLanguage language;

    PrivacyResource(PersonExport export, PersonErasure erasure, CallerLanguage language) {
        this.export = export;
        this.erasure = erasure;
        this.language = language;
    }

    /** A file to hand the person: saved under a name, not shown. */
    @GET
    @Path("/export")
    public Response export(@PathParam("id") String id) {
        return Downloads.attachment(export.of(id, language.get()), "person-" + id + ".json");
    }

    @DELETE
    @Path("/data")
    public PersonErasure.Erased erase(@PathParam("id") String id) {
        return erasure.erase(id);
    }
}
