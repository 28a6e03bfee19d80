package se.outband.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.common.Refused;
import se.outband.common.YesNo;
import se.outband.statuspage.StatusPageService;
import se.outband.statuspage.StatusSite;
import se.outband.statuspage.StatusViews.IncidentRequest;
import se.outband.statuspage.StatusViews.IncidentView;
import se.outband.statuspage.StatusViews.SystemRequest;
import se.outband.statuspage.StatusViews.SystemView;
import se.outband.statuspage.StatusViews.UpdateRequest;
import se.outband.subscriptions.EmailSubscriptions;
import se.outband.subscriptions.SmsSubscriptions;

/** Editing the public status page: systems and their restoration order, incidents and their updates. */
@Path("/app/status")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class StatusPages {

    /** The public page's only style is inline: allowed here, and still no script, no loading, no framing, no forms. */
    private static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance status(List<SystemView> systems, List<IncidentView> incidents, String error, boolean saved,
                long smsSubscribers, long mailSubscribers);

        static native TemplateInstance systemDelete(SystemView system);
    }

    private final Ui ui;
    private final StatusPageService status;
    private final StatusSite site;
    private final SmsSubscriptions subscriptions;
    private final EmailSubscriptions mailSubscriptions;

    StatusPages(Ui ui, StatusPageService status, StatusSite site, SmsSubscriptions subscriptions, EmailSubscriptions mailSubscriptions) {
        this.subscriptions = subscriptions;
        this.mailSubscriptions = mailSubscriptions;
        this.ui = ui;
        this.status = status;
        this.site = site;
    }

    /** {@code saved} after a change: the page says so, since it looks the same as before. */
    @GET
    public TemplateInstance show(@QueryParam("saved") String saved) {
        return Templates.status(status.systems(), status.incidents(), null, "true".equals(saved), subscriptions.count(), mailSubscriptions.count())
                .setLocale(ui.locale());
    }

    @POST
    @Path("services")
    public Object addSystem(@BeanParam SystemForm form) {
        return attempt(() -> status.createSystem(form.request()));
    }

    @POST
    @Path("services/{id}")
    public Object changeSystem(@PathParam("id") long id, @BeanParam SystemForm form) {
        return attempt(() -> status.updateSystem(id, form.request()));
    }

    /**
     * Removing a system changes the public page at once, so the editor's button leads to a page that asks
     * first; only its own button, which sends {@code confirmed=yes}, removes the system.
     */
    @POST
    @Path("services/{id}/delete")
    public Object deleteSystem(@PathParam("id") long id, @RestForm YesNo confirmed) {
        if (!YesNo.yes(confirmed)) {
            return status.systems().stream().filter(s -> s.id() == id).findFirst()
                    .<Object>map(system -> Templates.systemDelete(system).setLocale(ui.locale()))
                    .orElseGet(() -> attempt(() -> status.deleteSystem(id)));
        }
        return attempt(() -> status.deleteSystem(id));
    }

    @POST
    @Path("incidents")
    public Object openIncident(@BeanParam IncidentForm form) {
        return attempt(() -> status.openIncident(form.request()));
    }

    @POST
    @Path("incidents/{id}/updates")
    public Object postUpdate(@PathParam("id") long id, @BeanParam UpdateForm form) {
        return attempt(() -> status.postUpdate(id, form.request()));
    }

    /** The public front page with this system changed, shown to the leader only: the change is rolled back. */
    @POST
    @Path("preview/services/{id}")
    public Object previewSystem(@PathParam("id") long id, @BeanParam SystemForm form) {
        return preview(() -> status.updateSystem(id, form.request()));
    }

    /** The public front page with this new incident, shown to the leader only: the change is rolled back. */
    @POST
    @Path("preview/incidents")
    public Object previewIncident(@BeanParam IncidentForm form) {
        return preview(() -> status.openIncident(form.request()));
    }

    /** The public front page with this update, shown to the leader only: the change is rolled back. */
    @POST
    @Path("preview/incidents/{id}/updates")
    public Object previewUpdate(@PathParam("id") long id, @BeanParam UpdateForm form) {
        return preview(() -> status.postUpdate(id, form.request()));
    }

    private Object attempt(Runnable change) {
        try {
            change.run();
            return WebSupport.seeOther("/app/status?saved=true").build();
        } catch (Refused | ConstraintViolationException e) {
            return withError(ui.why(e));
        }
    }

    /**
     * Makes the change in a transaction that is always rolled back, renders the front page as it
     * would then look, and marks it as a preview: nothing is stored, audited, rendered or published.
     */
    private Object preview(Runnable change) {
        try {
            String page;
            QuarkusTransaction.begin();
            try {
                change.run();
                page = site.previewIndex(ui.language());
            } finally {
                QuarkusTransaction.rollback();
            }
            String banner = "<p style=\"margin:0;padding:.8rem 1rem;background:#fff4d6;color:#6b4400;font-weight:700\">"
                    + ui.language().messages(UiMessages.class).previewBanner() + "</p>";
            return Response.ok(page.replace("<body>", "<body>" + banner), MediaType.TEXT_HTML_TYPE)
                    .header("Content-Security-Policy", PREVIEW_POLICY).build();
        } catch (Refused | ConstraintViolationException e) {
            // The preview's tab allows no forms or stylesheet: the editor page would arrive unusable there.
            return Response.status(e instanceof Refused refused ? refused.status() : 400).type("text/plain; charset=utf-8")
                    .entity(ui.why(e)).build();
        }
    }

    private TemplateInstance withError(String error) {
        return Templates.status(status.systems(), status.incidents(), error, false, subscriptions.count(), mailSubscriptions.count()).setLocale(ui.locale());
    }

    /** Whether subscribers are told, from the editor's "do not send" box. */
    private static Boolean told(YesNo quiet) {
        return !YesNo.yes(quiet);
    }

    /** A system's fields, as the editor and its preview send them (a new system has no group field). */
    public static class SystemForm {
        @RestForm
        String name;
        @RestForm
        String group;
        @RestForm
        String state;
        @RestForm
        Integer priority;
        @RestForm
        String note;
        @RestForm
        String nameEn;
        @RestForm
        String noteEn;

        SystemRequest request() {
            return new SystemRequest(name, group, state, priority, note, nameEn, noteEn);
        }
    }

    /** A new incident's fields, as the editor and its preview send them. */
    public static class IncidentForm {
        @RestForm
        String title;
        @RestForm
        String text;
        @RestForm
        List<Long> services;
        @RestForm
        String titleEn;
        @RestForm
        String textEn;
        /** Checked: the subscribers are not told. */
        @RestForm
        YesNo quiet;

        IncidentRequest request() {
            return new IncidentRequest(title, text, null, services == null ? List.of() : services, titleEn, textEn, told(quiet));
        }
    }

    /** An incident update's fields, as the editor and its preview send them. */
    public static class UpdateForm {
        @RestForm
        String text;
        @RestForm
        String state;
        @RestForm
        String textEn;
        @RestForm
        YesNo quiet;

        UpdateRequest request() {
            return new UpdateRequest(text, state, textEn, told(quiet));
        }
    }
}
