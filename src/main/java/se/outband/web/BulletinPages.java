package se.outband.web;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.Roles;
import se.outband.common.ApiException;
import se.outband.common.YesNo;
import se.outband.contacts.ContactService;
import se.outband.contacts.GroupSummary;
import se.outband.messaging.BulletinPreview;
import se.outband.messaging.BulletinProgress;
import se.outband.messaging.BulletinQueries;
import se.outband.messaging.BulletinRequest;
import se.outband.messaging.BulletinService;
import se.outband.messaging.DeliveryView;
import se.outband.messaging.MessagingMessages;
import se.outband.messaging.Replies;
import se.outband.messaging.sms.SmsConfig;
import se.outband.messaging.sms.SmsGateway;

/**
 * The main job: write, check, send, follow up. Sending always passes a confirm step that shows exactly
 * what recipients get and how many, so nothing goes out by mistake.
 */
@Path("/app/bulletins")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class BulletinPages {

    /** What the form holds, echoed back on every step. */
    public record Draft(String text, List<String> groups, String people, String channels, String replyOptions, boolean drill,
            boolean statusUpdate) {

        BulletinRequest request() {
            List<String> ids = people == null ? List.of()
                    : Arrays.stream(people.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            List<String> options = replyOptions == null ? List.of()
                    : Arrays.stream(replyOptions.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            return new BulletinRequest(text, groups, ids, channels, drill, options, statusUpdate);
        }

        public boolean chose(String group) {
            return groups.contains(group);
        }
    }

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance bulletinNew(Draft draft, List<GroupSummary> groups, List<BulletinTemplates.Template> templates,
                String error, String pricePerSegment, String oneWaySender);

        static native TemplateInstance bulletinConfirm(Draft draft, BulletinPreview preview);

        static native TemplateInstance bulletin(BulletinProgress progress, List<DeliveryView> failures, Replies.RepliesView replies);
    }

    private final Ui ui;
    private final BulletinService bulletins;
    private final BulletinQueries queries;
    private final Replies replies;
    private final ContactService contacts;
    private final SmsConfig smsConfig;
    private final SmsGateway sms;

    BulletinPages(Ui ui, BulletinService bulletins, BulletinQueries queries, Replies replies, ContactService contacts,
            SmsConfig smsConfig, SmsGateway sms) {
        this.sms = sms;
        this.ui = ui;
        this.bulletins = bulletins;
        this.queries = queries;
        this.replies = replies;
        this.contacts = contacts;
        this.smsConfig = smsConfig;
    }

    /** The form; {@code template} prefills a ready text, {@code from} + {@code who} prefill a follow-up. */
    @GET
    @Path("new")
    public TemplateInstance form(@QueryParam("template") String template, @QueryParam("from") Long from,
            @QueryParam("who") String who) {
        String text = "";
        String people = "";
        if (template != null && BulletinTemplates.find(template) != null) {
            text = BulletinTemplates.find(template).text();
        }
        if (from != null) {
            text = queries.text(from, messages());
            people = String.join(", ", "noreply".equals(who) ? replies.silentContactIds(from) : queries.unreachedContactIds(from));
        }
        return form(new Draft(text, List.of(), people, "sms-then-email", "", false, false), null);
    }

    @POST
    @Path("preview")
    public TemplateInstance preview(@BeanParam DraftForm form) {
        Draft draft = form.draft();
        try {
            BulletinPreview preview = bulletins.send(draft.request(), true, ui.username(), messages());
            return Templates.bulletinConfirm(draft, preview).setLocale(ui.locale());
        } catch (ApiException e) {
            return form(draft, e.getMessage());
        }
    }

    /** Back from the confirm step to the form, with everything as it was. */
    @POST
    @Path("change")
    public TemplateInstance change(@BeanParam DraftForm form) {
        return form(form.draft(), null);
    }

    @POST
    @Path("send")
    public Object send(@BeanParam DraftForm form) {
        Draft draft = form.draft();
        try {
            BulletinPreview sent = bulletins.send(draft.request(), false, ui.username(), messages());
            return WebSupport.seeOther("/app/bulletins/" + sent.id()).build();
        } catch (ApiException e) {
            return form(draft, e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance bulletin(@PathParam("id") long id) {
        MessagingMessages messages = messages();
        List<DeliveryView> failures = queries.deliveries(id, messages).stream()
                .filter(d -> "FAILED".equals(d.state()) || "UNDELIVERED".equals(d.state()))
                .toList();
        return Templates.bulletin(queries.progress(id, messages), failures, replies.of(id, messages)).setLocale(ui.locale());
    }

    private TemplateInstance form(Draft draft, String error) {
        return Templates.bulletinNew(draft, contacts.groups(), BulletinTemplates.ALL, error,
                smsConfig.pricePerSegment().toPlainString(), sms.oneWaySender().orElse(null)).setLocale(ui.locale());
    }

    private MessagingMessages messages() {
        return ui.language().messages(MessagingMessages.class);
    }

    /** The bulletin form's fields. */
    public static class DraftForm {
        @RestForm
        String text;
        @RestForm
        List<String> groups;
        @RestForm
        String people;
        @RestForm
        String channels;
        @RestForm
        String replyOptions;
        @RestForm
        YesNo drill;
        @RestForm
        YesNo statusUpdate;

        Draft draft() {
            return new Draft(text == null ? "" : text, groups == null ? List.of() : groups, people, channels, replyOptions,
                    YesNo.yes(drill), YesNo.yes(statusUpdate));
        }
    }
}
