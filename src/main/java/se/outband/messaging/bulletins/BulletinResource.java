package se.outband.messaging.bulletins;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import se.outband.access.AuditLog;
import se.outband.access.Roles;
import se.outband.common.CallerLanguage;
import se.outband.common.Downloads;
import se.outband.common.QueryParameters;
import se.outband.common.Refused;
import se.outband.common.YesNo;

@Path("/api/bulletins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class BulletinResource {

    private static final int DRILLS = 500;

    private final BulletinService bulletins;
    private final BulletinQueries queries;
    private final Replies replies;
    private final SecurityIdentity identity;
    private final CallerLanguage language;
    private final AuditLog audit;
    private final ReachReports reports;
    private final PlannedSends planned;
    private final DrillHistory drills;
    private final Escalations escalations;

    BulletinResource(BulletinService bulletins, BulletinQueries queries, Replies replies, SecurityIdentity identity,
            CallerLanguage language, AuditLog audit, ReachReports reports, PlannedSends planned, DrillHistory drills,
            Escalations escalations) {
        this.escalations = escalations;
        this.drills = drills;
        this.planned = planned;
        this.reports = reports;
        this.audit = audit;
        this.language = language;
        this.bulletins = bulletins;
        this.queries = queries;
        this.replies = replies;
        this.identity = identity;
    }

    /**
     * Sends a bulletin: 201 as soon as every delivery is stored, before any provider is called.
     * With {@code dryRun=true}: 200 with recipients, segments and cost, and nothing is stored or sent.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(BulletinRequest request, @Context UriInfo uri) {
        QueryParameters.requireOnly(uri, "dryRun");
        if (request == null) {
            throw new Refused(new BulletinRefusal.TextMissing());
        }
        boolean onlyPreview = YesNo.queryFlag(uri, "dryRun");
        if (request.sendAt() != null) {
            PlannedView plan = planned.plan(request, onlyPreview, identity.getPrincipal().getName());
            return onlyPreview ? Response.ok(plan).build()
                    : Response.created(URI.create("/api/bulletins/planned/" + plan.id())).entity(plan).build();
        }
        BulletinPreview preview = bulletins.send(request, onlyPreview, identity.getPrincipal().getName()).explained(language.get());
        return onlyPreview ? Response.ok(preview).build()
                : Response.created(URI.create("/api/bulletins/" + preview.id())).entity(preview).build();
    }

    @GET
    public List<BulletinSummary> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return queries.list(Math.min(Math.max(1, limit), 500));
    }

    /** Every drill's reach at 15 minutes and share answered, oldest first (the latest 500 at most). */
    @GET
    @Path("/drills")
    public List<DrillHistory.Drill> drills() {
        return drills.drills(DRILLS);
    }

    @GET
    @Path("/drills.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response drillsCsv() {
        List<DrillHistory.Drill> all = drills.drills(DRILLS);
        StreamingOutput body = out -> DrillHistory.writeCsv(all, out);
        return Downloads.attachment(body, "outband-drills.csv");
    }

    /** Bulletins planned for later: those still waiting, soonest first, then those sent, cancelled or refused. */
    @GET
    @Path("/planned")
    public List<PlannedView> planned(@QueryParam("limit") @DefaultValue("100") int limit) {
        return planned.list(Math.min(Math.max(1, limit), 500));
    }

    @GET
    @Path("/planned/{id}")
    public PlannedView planned(@PathParam("id") long id) {
        return planned.get(id);
    }

    /** Cancels a planned bulletin that is still waiting for its time; 409 once it is sent. */
    @DELETE
    @Path("/planned/{id}")
    public PlannedView cancel(@PathParam("id") long id) {
        return planned.cancel(id, identity.getPrincipal().getName());
    }

    @GET
    @Path("/{id}")
    public BulletinProgress get(@PathParam("id") long id) {
        return queries.progress(id).explained(language.get());
    }

    /** The bulletin's escalation steps in order: each with its countdown while it waits, or what it found and did. */
    @GET
    @Path("/{id}/escalation")
    public List<EscalationView> escalation(@PathParam("id") long id) {
        return escalations.of(id, language.get());
    }

    /** Cancels the steps not yet run (those run stay as they were); answers with every step as it now is. */
    @DELETE
    @Path("/{id}/escalation")
    public List<EscalationView> cancelEscalation(@PathParam("id") long id) {
        escalations.cancel(id, identity.getPrincipal().getName());
        return escalations.of(id, language.get());
    }

    /** Every recipient's number or address: audited as a read of that many people. */
    @GET
    @Path("/{id}/deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") long id) {
        List<DeliveryView> deliveries = queries.deliveries(id);
        audit.recordRead("bulletin.deliveries-read", "bulletin=" + id,
                (int) deliveries.stream().map(DeliveryView::contactId).distinct().count());
        return deliveries;
    }

    /** Each reply with the number it came from: audited as a read of the people who replied. */
    @GET
    @Path("/{id}/replies")
    public Replies.RepliesView replies(@PathParam("id") long id) {
        Replies.RepliesView view = replies.of(id);
        audit.recordRead("bulletin.replies-read", "bulletin=" + id,
                (int) view.replies().stream().map(Replies.ReplyView::contactId).distinct().count());
        return view;
    }

    /** How well it reached people: names only of those never reached, audited as a read of them. */
    @GET
    @Path("/{id}/report")
    public ReachReport report(@PathParam("id") long id) {
        ReachReport report = reports.of(id, language.get()).report();
        audit.recordRead("bulletin.report-read", "bulletin=" + id, report.neverReached().size());
        return report;
    }

    /** Every recipient's outcome as a CSV file: an export, audited as one. */
    @GET
    @Path("/{id}/report.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response reportCsv(@PathParam("id") long id) {
        List<ReachReports.Line> lines = reports.export(id, language.get());
        StreamingOutput body = out -> ReachCsv.write(lines, out);
        return Downloads.attachment(body, "outband-report-" + id + ".csv");
    }
}
