package se.outband.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.messaging.bulletins.PlannedSends;
import se.outband.messaging.bulletins.PlannedView;

/** Bulletins planned for later: what waits and when, and a button to cancel each until it is sent. */
@Path("/app/planned")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class PlannedPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance planned(List<PlannedView> planned);
    }

    private final Ui ui;
    private final PlannedSends planned;

    PlannedPages(Ui ui, PlannedSends planned) {
        this.ui = ui;
        this.planned = planned;
    }

    @GET
    public TemplateInstance list() {
        return Templates.planned(planned.list(100)).setLocale(ui.locale());
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        planned.cancel(id, ui.username());
        return WebSupport.seeOther("/app/planned").build();
    }
}
