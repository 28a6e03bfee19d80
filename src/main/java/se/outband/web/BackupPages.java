package se.outband.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.common.Downloads;
import se.outband.common.Refused;
import se.outband.continuity.BackupResource;
import se.outband.continuity.BackupService;
import se.outband.continuity.ContinuityRefusal;

/** Backups for administrators: how they go, take one now, download one to keep offline. */
@Path("/app/backups")
@RolesAllowed(Roles.ADMIN)
public class BackupPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance backups(BackupService.Overview overview, String made, String error);
    }

    private final Ui ui;
    private final BackupService backups;

    BackupPages(Ui ui, BackupService backups) {
        this.ui = ui;
        this.backups = backups;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("made") String made) {
        return render(backups.list().stream().anyMatch(f -> f.name().equals(made)) ? made : null, null);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Object create() {
        try {
            return WebSupport.seeOther("/app/backups?made=" + backups.create(ui.username()).name()).build();
        } catch (Refused e) {
            return render(null, e.sentence(ui.language()));
        }
    }

    /** The public half of the signing key, for the offline kit and for OUTBAND_RESTORE_SIGNER. */
    @GET
    @Path("signing-key.asc")
    @Produces(BackupResource.PGP_KEYS)
    public Response signingKey() {
        byte[] key = backups.signingCertificate().orElseThrow(() -> new Refused(new ContinuityRefusal.NotSigned()));
        return Downloads.attachment(key, BackupResource.PGP_KEYS, "outband-backup-signing-key.asc");
    }

    @GET
    @Path("{name}")
    @Produces(BackupResource.PGP)
    public Response download(@PathParam("name") String name) {
        return BackupResource.attachment(backups.download(name).orElseThrow(() -> new Refused(new ContinuityRefusal.BackupNotFound())), name);
    }

    private TemplateInstance render(String made, String error) {
        return Templates.backups(backups.overview(), made, error).setLocale(ui.locale());
    }
}
