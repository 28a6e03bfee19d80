package se.outband.continuity;

import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import se.outband.access.Roles;
import se.outband.common.Downloads;
import se.outband.common.Refused;

/** Encrypted backups for administrators: take one now, list them, download one. */
@jakarta.ws.rs.Path("/api/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class BackupResource {

    public static final String PGP = "application/pgp-encrypted";
    /** RFC 3156's type for an armored OpenPGP key. */
    public static final String PGP_KEYS = "application/pgp-keys";

    private final BackupService backups;
    private final SecurityIdentity identity;

    BackupResource(BackupService backups, SecurityIdentity identity) {
        this.backups = backups;
        this.identity = identity;
    }

    @POST
    public Response create(@Context UriInfo uri) {
        BackupFile file = backups.create(identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(file.name()).build()).entity(file).build();
    }

    /** Newest first. */
    @GET
    public List<BackupFile> list() {
        return backups.list();
    }

    @GET
    @jakarta.ws.rs.Path("/{name}")
    @Produces(PGP)
    public Response download(@PathParam("name") String name) {
        Path file = backups.download(name)
                .orElseThrow(() -> new Refused(new ContinuityRefusal.BackupNotFound()));
        return attachment(file, name);
    }

    public static Response attachment(Path file, String name) {
        return Downloads.attachment(file.toFile(), PGP, name);
    }
}
