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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.common.Refused;
import se.outband.common.YesNo;
import se.outband.messaging.meetings.MeetingRequest;
import se.outband.messaging.meetings.MeetingViews;
import se.outband.messaging.meetings.Meetings;

/**
 * A leader's phone meetings: call the crisis team together, and follow who is in, who declined and who did
 * not answer (refreshed in place by live.js), call someone again, add people, end the meeting.
 */
@Path("/app/meetings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class MeetingPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance meetings(List<MeetingViews.Summary> meetings, boolean number, boolean calling, int max,
                String groups, String contactIds, String error);

        static native TemplateInstance meeting(MeetingViews.MeetingView meeting, String error);
    }

    private final Ui ui;
    private final Meetings meetings;
    private final MeetingViews views;
    private final Validator validator;

    MeetingPages(Ui ui, Meetings meetings, MeetingViews views, Validator validator) {
        this.ui = ui;
        this.meetings = meetings;
        this.views = views;
        this.validator = validator;
    }

    @GET
    public TemplateInstance list() {
        return list(null, null, null);
    }

    @POST
    public Response call(@RestForm String groups, @RestForm String contactIds, @RestForm YesNo drill) {
        try {
            long id = meetings.call(valid(new MeetingRequest(names(groups), names(contactIds), YesNo.yes(drill))), ui.username()).id();
            return WebSupport.seeOther("/app/meetings/" + id).build();
        } catch (Refused | ConstraintViolationException e) {
            return page(e, list(groups, contactIds, ui.why(e)));
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.meeting(views.view(id), null).setLocale(ui.locale());
    }

    @POST
    @Path("{id}/people")
    public Response add(@PathParam("id") long id, @RestForm String groups, @RestForm String contactIds) {
        try {
            meetings.add(id, valid(new MeetingRequest(names(groups), names(contactIds), null)));
            return WebSupport.seeOther("/app/meetings/" + id).build();
        } catch (Refused | ConstraintViolationException e) {
            return page(e, Templates.meeting(views.view(id), ui.why(e)).setLocale(ui.locale()));
        }
    }

    @POST
    @Path("{id}/people/{person}/call")
    public Response callAgain(@PathParam("id") long id, @PathParam("person") long person) {
        meetings.callAgain(id, person);
        return WebSupport.seeOther("/app/meetings/" + id).build();
    }

    @POST
    @Path("{id}/end")
    public Response end(@PathParam("id") long id) {
        meetings.end(id);
        return WebSupport.seeOther("/app/meetings/" + id).build();
    }

    private TemplateInstance list(String groups, String contactIds, String error) {
        return Templates.meetings(views.list(), views.number(), views.calling(), Meetings.MAX_PEOPLE, groups, contactIds, error)
                .setLocale(ui.locale());
    }

    private MeetingRequest valid(MeetingRequest request) {
        Set<ConstraintViolation<MeetingRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static Response page(RuntimeException e, TemplateInstance page) {
        return Response.status(e instanceof Refused refused ? refused.status() : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render()).build();
    }

    /** "A, B ,,C" as [A, B, C]. */
    private static List<String> names(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
