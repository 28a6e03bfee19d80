package se.outband.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import se.outband.access.Roles;
import se.outband.messaging.bulletins.Escalations;

/** The progress page's button that stops a bulletin's escalation before its next step. */
@Path("/app/bulletins/{id}/escalation")
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class EscalationPages {

    private final Ui ui;
    private final Escalations escalations;

    EscalationPages(Ui ui, Escalations escalations) {
        this.ui = ui;
        this.escalations = escalations;
    }

    @POST
    @Path("cancel")
    public Response cancel(@PathParam("id") long id) {
        escalations.cancel(id, ui.username());
        return WebSupport.seeOther("/app/bulletins/" + id + "#escalation-heading").build();
    }
}
