package se.outband.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read-only on purpose: the audit log has no endpoint that changes or removes an entry. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private static final int MAX_SIZE = 500;

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; {@code page} counts from 0. */
    @GET
    public AuditLog.AuditPage list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return audit.page(Math.max(0, page), Math.min(Math.max(1, size), MAX_SIZE));
    }
}
