package se.outband.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.access.AuditLog;
import se.outband.access.Roles;
import se.outband.common.Downloads;
import se.outband.messaging.bulletins.DrillHistory;
import se.outband.messaging.bulletins.ReachReport;
import se.outband.messaging.bulletins.ReachReports;

/** The printable reach report of a bulletin: the curve drawn on the server, its figures in tables beside it. */
@Path("/app/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.SENDER})
public class ReachPages {

    /** A row of the figures beside the curve: a mark in time and how many were reached by then. */
    public record Mark(String label, String value, String share) {
    }

    /** The never reached, the first hundred by name (the CSV file has everyone). */
    public record Unreached(List<ReachReport.Unreached> shown, int more) {
        static final int SHOWN = 100;
    }

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance report(ReachReport report, LineChart curve, List<Mark> marks, Unreached unreached);

        static native TemplateInstance drills(List<DrillHistory.Drill> drills, LineChart trend);
    }

    private static final int DRILLS_SHOWN = 100;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Europe/Stockholm"));

    private final Ui ui;
    private final ReachReports reports;
    private final AuditLog audit;
    private final DrillHistory history;

    ReachPages(Ui ui, ReachReports reports, AuditLog audit, DrillHistory history) {
        this.history = history;
        this.ui = ui;
        this.reports = reports;
        this.audit = audit;
    }

    /** Every drill's reach at 15 minutes, as a trend and a table: did the lists get better since the last one? */
    @GET
    @Path("drills")
    public TemplateInstance drills() {
        List<DrillHistory.Drill> drills = history.drills(DRILLS_SHOWN);
        LineChart trend = LineChart.trend(drills.stream().map(DrillHistory.Drill::percentWithin15m).toList(),
                drills.stream().map(d -> DAY.format(d.sentAt())).toList());
        return Templates.drills(drills, trend).setLocale(ui.locale());
    }

    @GET
    @Path("drills.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response drillsCsv() {
        List<DrillHistory.Drill> drills = history.drills(DRILLS_SHOWN);
        StreamingOutput body = out -> DrillHistory.writeCsv(drills, out);
        return Downloads.attachment(body, "outband-drills.csv");
    }

    /** The same file as the API's, for a leader signed in to the web UI; an export, audited as one. */
    @GET
    @Path("{id}.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response reportCsv(@PathParam("id") long id) {
        List<ReachReports.Line> lines = reports.export(id, ui.language());
        StreamingOutput body = out -> ReachReports.writeCsv(lines, out);
        return Downloads.attachment(body, "outband-report-" + id + ".csv");
    }

    @GET
    @Path("{id}")
    public TemplateInstance report(@PathParam("id") long id) {
        ReachReport report = reports.of(id, ui.language()).report();
        ReportMessages words = ui.language().messages(ReportMessages.class);
        List<ReachReport.Unreached> never = report.neverReached();
        audit.recordRead("bulletin.report-read", "bulletin=" + id, Math.min(Unreached.SHOWN, never.size()));
        LineChart curve = LineChart.curve(report.curve().stream().map(ReachReport.Share::percent).toList(), words.minutes());
        return Templates.report(report, curve, marks(report, words),
                new Unreached(never.subList(0, Math.min(Unreached.SHOWN, never.size())), Math.max(0, never.size() - Unreached.SHOWN)))
                .setLocale(ui.locale());
    }

    private static List<Mark> marks(ReachReport report, ReportMessages words) {
        List<Mark> marks = new java.util.ArrayList<>();
        report.reachedWithin().forEach((minutes, share) -> marks.add(new Mark(words.within() + " " + words.withinMinutes(
                minutes.replace("m", "")), String.valueOf(share.reached()), share.percent() + " %")));
        report.timeTo().forEach((percent, seconds) -> marks.add(new Mark(words.timeTo(percent),
                seconds == null ? words.never() : Durations.duration(seconds), "")));
        return marks;
    }
}
