package se.outband.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.AuditLog;
import se.outband.access.Roles;
import se.outband.common.Refused;
import se.outband.contacts.Addressee;
import se.outband.contacts.ContactService;
import se.outband.contacts.GroupSummary;
import se.outband.messaging.bulletins.AudienceView;
import se.outband.messaging.bulletins.BulletinPreview;
import se.outband.messaging.bulletins.BulletinProgress;
import se.outband.messaging.bulletins.BulletinQueries;
import se.outband.messaging.bulletins.BulletinService;
import se.outband.messaging.bulletins.DeliveryView;
import se.outband.messaging.bulletins.EscalationView;
import se.outband.messaging.bulletins.Escalations;
import se.outband.messaging.bulletins.MessageTemplates;
import se.outband.messaging.bulletins.PlannedSends;
import se.outband.messaging.bulletins.RecipientContact;
import se.outband.messaging.bulletins.Replies;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.sms.SmsGateway;

/**
 * The main job: write, check, send, follow up. Sending always passes a confirm step that shows exactly
 * what recipients get and how many, so nothing goes out by mistake.
 */
@Path("/app/bulletins")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class BulletinPages {

    /** A person as the picker shows them: who, and enough to tell two Anna Anderssons apart. */
    public record Person(String id, String name, String detail) {
    }

    private static final int FOUND_AT_MOST = 20;

    /** People to follow up, the first hundred by name (a roll-call of thousands is read as a number). */
    public record Missing(List<RecipientContact> shown, int more) {
        static final int SHOWN = 100;

        static Missing of(List<RecipientContact> all) {
            return new Missing(all.subList(0, Math.min(SHOWN, all.size())), Math.max(0, all.size() - SHOWN));
        }
    }

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance bulletinNew(BulletinDraft draft, List<GroupSummary> groups, List<MessageTemplates.TemplateView> templates,
                String error, String pricePerSegment, String oneWaySender, List<Person> chosen, String find, List<Person> found);

        static native TemplateInstance bulletinNew$found(List<Person> found, String find);

        static native TemplateInstance bulletinConfirm(BulletinDraft draft, BulletinPreview preview, String once);

        static native TemplateInstance bulletin(BulletinProgress progress, AudienceView audience, List<DeliveryView> failures,
                Replies.RepliesView replies, Missing unreached, Missing silent, boolean simulate, Replies.ReplyView recorded,
                List<EscalationView> escalation);
    }

    private final Ui ui;
    private final BulletinService bulletins;
    private final BulletinQueries queries;
    private final Replies replies;
    private final ContactService contacts;
    private final SmsConfig smsConfig;
    private final SmsGateway sms;
    private final MessageTemplates templates;

    private final AuditLog audit;
    private final AudienceView.Reader audiences;
    private final PlannedSends planned;
    private final Escalations escalations;
    private final SubmittedOnce submitted;

    BulletinPages(Ui ui, BulletinService bulletins, BulletinQueries queries, Replies replies, ContactService contacts,
            SmsConfig smsConfig, SmsGateway sms, MessageTemplates templates, AuditLog audit, AudienceView.Reader audiences,
            PlannedSends planned, Escalations escalations, SubmittedOnce submitted) {
        this.escalations = escalations;
        this.submitted = submitted;
        this.audiences = audiences;
        this.planned = planned;
        this.audit = audit;
        this.templates = templates;
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
    public TemplateInstance form(@QueryParam("template") Long template, @QueryParam("from") Long from,
            @QueryParam("who") String who) {
        if (from != null) {
            BulletinQueries.FollowUp followUp = queries.followUp(from);
            List<RecipientContact> people = "noreply".equals(who) ? replies.silent(from) : queries.unreached(from);
            return form(new BulletinDraft(followUp.text(), List.of(), people.stream().map(RecipientContact::contactId).toList(),
                    followUp.channels(), String.join(" ", followUp.replyOptions()), followUp.drill(), false, null), null);
        }
        String text = template == null ? "" : templates.find(template).map(MessageTemplates.TemplateView::text).orElse("");
        return form(new BulletinDraft(text, List.of(), List.of(), "sms-then-email", "", false, false, null), null);
    }

    @POST
    @Path("preview")
    public TemplateInstance preview(@BeanParam BulletinDraft.Form form) {
        BulletinDraft draft = form.draft();
        try {
            templates.requireFilledIn(draft.text());
            if (draft.planned()) {
                planned.plan(draft.request(), true, ui.username());
            }
            BulletinPreview preview = bulletins.send(draft.request(), true, ui.username()).explained(ui.language());
            return Templates.bulletinConfirm(draft, preview, submitted.token()).setLocale(ui.locale());
        } catch (Refused | ConstraintViolationException e) {
            return form(draft, ui.why(e));
        }
    }

    /** A ready text in place of the text, with the groups, people and reply options chosen so far kept. */
    @POST
    @Path("use-template")
    public TemplateInstance useTemplate(@BeanParam BulletinDraft.Form form, @RestForm Long template) {
        BulletinDraft draft = form.draft();
        String text = template == null ? draft.text()
                : templates.find(template).map(MessageTemplates.TemplateView::text).orElse(draft.text());
        return form(new BulletinDraft(text, draft.groups(), draft.people(), draft.channels(), draft.replyOptions(), draft.drill(),
                draft.statusUpdate(), draft.sendAt(), draft.escalation()), null);
    }

    /** The picker's search step: the form as it was, with the people matching {@code find} to tick. */
    @POST
    @Path("pick")
    public TemplateInstance pick(@BeanParam BulletinDraft.Form form, @RestForm String find) {
        return form(form.draft(), null, find);
    }

    /** The same results for the picker's script, as the list it puts under the search field. */
    @GET
    @Path("people")
    public TemplateInstance people(@QueryParam("find") String find) {
        return Templates.bulletinNew$found(found(find), find).setLocale(ui.locale());
    }

    /**
     * Dry-run mode only: a leader answers for a recipient, so a drill can exercise JA/NEJ end to end. The
     * page it leads back to says the answer was recorded: the tally alone changes by one figure among many.
     */
    @POST
    @Path("{id}/simulated-reply")
    public Response simulateReply(@PathParam("id") long id, @RestForm String contactId, @RestForm String answer) {
        if (!sms.dryRun()) {
            throw new Refused(new WebRefusal.SimulationOnlyInDryRun());
        }
        boolean recorded = contactId != null && answer != null && replies.simulate(id, contactId, answer);
        return WebSupport.seeOther("/app/bulletins/" + id + (recorded ? "?recorded=" + URLEncoder.encode(contactId, StandardCharsets.UTF_8) : "")).build();
    }

    /** Back from the confirm step to the form, with everything as it was. */
    @POST
    @Path("change")
    public TemplateInstance change(@BeanParam BulletinDraft.Form form) {
        return form(form.draft(), null);
    }

    @POST
    @Path("send")
    public Object send(@BeanParam BulletinDraft.Form form) {
        BulletinDraft draft = form.draft();
        try {
            return WebSupport.seeOther(submitted.once(form.once, () -> {
                templates.requireFilledIn(draft.text());
                if (draft.planned()) {
                    planned.plan(draft.request(), false, ui.username());
                    return "/app/planned";
                }
                return "/app/bulletins/" + bulletins.send(draft.request(), false, ui.username()).id();
            })).build();
        } catch (Refused | ConstraintViolationException e) {
            return form(draft, ui.why(e));
        }
    }

    /**
     * A bulletin's progress, with the numbers or addresses of the people whose message failed, who are not
     * reached and who have not answered: audited as a read of everyone shown (the page's script fetches it
     * again to update its figures, and the audit log takes a fetch that shows nobody new as the same read).
     * {@code recorded} names the person a simulated reply was just recorded for.
     */
    @GET
    @Path("{id}")
    public TemplateInstance bulletin(@PathParam("id") long id, @QueryParam("recorded") String recorded) {
        List<DeliveryView> failures = queries.deliveries(id).stream()
                .filter(d -> "FAILED".equals(d.state()) || "UNDELIVERED".equals(d.state()))
                .toList();
        Replies.RepliesView answers = replies.of(id);
        Missing unreached = Missing.of(queries.unreached(id));
        Missing silent = answers.options().isEmpty() ? Missing.of(List.of()) : Missing.of(replies.silent(id));
        audit.recordRead("bulletin.people-shown", "bulletin=" + id, (int) Stream.of(failures.stream().map(DeliveryView::contactId),
                unreached.shown().stream().map(RecipientContact::contactId), silent.shown().stream().map(RecipientContact::contactId))
                .flatMap(ids -> ids).distinct().count());
        Replies.ReplyView justRecorded = recorded == null ? null
                : answers.replies().stream().filter(r -> recorded.equals(r.contactId()) && r.simulated()).findFirst().orElse(null);
        return Templates.bulletin(queries.progress(id).explained(ui.language()), audiences.of(id), failures, answers, unreached, silent,
                sms.dryRun(), justRecorded, escalations.of(id, ui.language())).setLocale(ui.locale());
    }

    private TemplateInstance form(BulletinDraft draft, String error) {
        return form(draft, error, null);
    }

    private TemplateInstance form(BulletinDraft draft, String error, String find) {
        return Templates.bulletinNew(draft, contacts.groups(), templates.list(), error,
                smsConfig.pricePerSegment().toPlainString(), sms.oneWaySender().orElse(null), chosen(draft.people()), find,
                found(find).stream().filter(p -> !draft.people().contains(p.id())).toList()).setLocale(ui.locale());
    }

    /** The people ticked so far, by name; an id that no longer exists shows as itself (the check step explains). */
    private List<Person> chosen(List<String> ids) {
        Map<String, Addressee> known = contacts.resolve(List.of(), ids).addressees().stream()
                .collect(Collectors.toMap(Addressee::id, a -> a));
        return ids.stream().map(id -> {
            Addressee person = known.get(id);
            return person == null ? new Person(id, id, "") : new Person(id, person.name(), phone(person.mobile(), person.email()));
        }).toList();
    }

    private List<Person> found(String find) {
        return contacts.search(find, FOUND_AT_MOST).stream()
                .map(c -> new Person(c.id(), c.name(), Stream.of(c.unit(), c.title(), phone(c.mobile(), c.email()))
                        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "))))
                .toList();
    }

    private String phone(String mobile, String email) {
        return mobile != null ? ui.phone(mobile) : email == null ? "" : email;
    }
}
