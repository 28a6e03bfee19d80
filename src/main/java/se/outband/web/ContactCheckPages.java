package se.outband.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.checks.CheckPreviews;
import se.outband.checks.CheckProgress;
import se.outband.checks.CheckRequest;
import se.outband.checks.ContactChecks;
import se.outband.common.Downloads;
import se.outband.common.Refused;
import se.outband.common.YesNo;

/** HR's contact checks under Kontakter: start one, follow it per unit, remind, and take the changes along as CSV. */
@Path("/app/contacts/checks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.CONTACTS})
public class ContactCheckPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance checks(List<CheckProgress.Summary> checks, String groups, String units, String deadline,
                String error, CheckPreviews.Preview preview);

        static native TemplateInstance check(CheckProgress.Summary summary, CheckProgress.Figures figures, List<CheckProgress.Unit> units,
                Integer reminded, String error);
    }

    private final Ui ui;
    private final ContactChecks checks;
    private final CheckPreviews previews;
    private final CheckProgress progress;
    private final Validator validator;

    ContactCheckPages(Ui ui, ContactChecks checks, CheckPreviews previews, CheckProgress progress, Validator validator) {
        this.ui = ui;
        this.checks = checks;
        this.previews = previews;
        this.progress = progress;
        this.validator = validator;
    }

    @GET
    public TemplateInstance list() {
        return Templates.checks(progress.checks(), null, null, null, null, null).setLocale(ui.locale());
    }

    /** With {@code dryRun}, a drill: the page says what the check would do, and keeps the form filled in to start it. */
    @POST
    public Response start(@RestForm String groups, @RestForm String units, @RestForm String deadline, @RestForm YesNo dryRun) {
        CheckRequest request = new CheckRequest(names(groups), names(units), deadline);
        try {
            Set<ConstraintViolation<CheckRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            if (YesNo.yes(dryRun)) {
                return ui.page(200, Templates.checks(progress.checks(), groups, units, deadline, null, previews.preview(request)));
            }
            long id = checks.start(request, ui.username());
            return WebSupport.seeOther("/app/contacts/checks/" + id).build();
        } catch (Refused | ConstraintViolationException e) {
            return ui.page(e instanceof Refused refused ? refused.status() : 400,
                    Templates.checks(progress.checks(), groups, units, deadline, ui.why(e), null));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("reminded") Integer reminded) {
        return Templates.check(progress.summary(id), progress.figures(id), progress.perUnit(id), reminded, null).setLocale(ui.locale());
    }

    @POST
    @Path("{id}/reminders")
    public Response remind(@PathParam("id") long id) {
        try {
            return WebSupport.seeOther("/app/contacts/checks/" + id + "?reminded=" + checks.remind(id)).build();
        } catch (Refused e) {
            return ui.page(e.status(), Templates.check(progress.summary(id), progress.figures(id), progress.perUnit(id), null, ui.why(e)));
        }
    }

    @GET
    @Path("{id}/changes.csv")
    @Produces("text/csv")
    public Response changes(@PathParam("id") long id) {
        return Downloads.attachment(progress.changesCsv(id), "text/csv; charset=UTF-8", "contact-check-" + id + "-changes.csv");
    }

    /** "A, B ,,C" as [A, B, C]. */
    private static List<String> names(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
