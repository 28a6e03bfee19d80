package se.outband.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.common.Refused;
import se.outband.messaging.bulletins.MessageTemplates;

/** Admins keep the ready texts leaders start from: the details that change go in [brackets]. */
@Path("/app/templates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class TemplatePages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance templates(List<MessageTemplates.TemplateView> templates, String error);
    }

    private final Ui ui;
    private final MessageTemplates templates;

    TemplatePages(Ui ui, MessageTemplates templates) {
        this.ui = ui;
        this.templates = templates;
    }

    @GET
    public TemplateInstance page() {
        return page(null);
    }

    @POST
    public Object create(@RestForm String name, @RestForm String text) {
        return attempt(() -> templates.save(null, name, text, ui.username()));
    }

    @POST
    @Path("{id}")
    public Object change(@PathParam("id") long id, @RestForm String name, @RestForm String text) {
        return attempt(() -> templates.save(id, name, text, ui.username()));
    }

    @POST
    @Path("{id}/delete")
    public Object delete(@PathParam("id") long id) {
        return attempt(() -> templates.delete(id, ui.username()));
    }

    private Object attempt(Runnable change) {
        try {
            change.run();
            return WebSupport.seeOther("/app/templates").build();
        } catch (Refused e) {
            return page(e.sentence(ui.language()));
        }
    }

    private TemplateInstance page(String error) {
        return Templates.templates(templates.list(), error).setLocale(ui.locale());
    }
}
