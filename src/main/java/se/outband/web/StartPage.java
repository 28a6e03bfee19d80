package se.outband.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import se.outband.access.SessionIdentityProvider;
import se.outband.access.WebSessions;
import se.outband.continuity.BackupProblem;
import se.outband.continuity.BackupService;
import se.outband.messaging.bulletins.BulletinQueries;
import se.outband.messaging.bulletins.BulletinSummary;
import se.outband.statuspage.StatusPageService;
import se.outband.statuspage.StatusViews.SystemView;
import se.outband.statuspage.SystemState;

/** The first screen: is the status page right, are bulletins getting through, are the providers working. */
@Path("/app/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class StartPage {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance start(List<SystemView> systems, String worst, List<BulletinSummary> bulletins,
                List<BulletinQueries.ChannelHealth> providers, BackupProblem backupProblem);
    }

    private final Ui ui;
    private final StatusPageService status;
    private final BulletinQueries bulletins;
    private final WebSessions sessions;
    private final Cookies cookies;
    private final SecurityIdentity identity;
    private final BackupService backups;

    StartPage(Ui ui, StatusPageService status, BulletinQueries bulletins, WebSessions sessions, Cookies cookies,
            SecurityIdentity identity, BackupService backups) {
        this.identity = identity;
        this.backups = backups;
        this.ui = ui;
        this.status = status;
        this.bulletins = bulletins;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @GET
    public TemplateInstance start() {
        List<SystemView> systems = status.systems();
        String worst = SystemState.worst(systems.stream().map(SystemView::state).toList()).value();
        return Templates.start(systems, worst, ui.sender() ? bulletins.list(10) : List.of(), bulletins.providerHealth(),
                ui.admin() ? backups.problem().orElse(null) : null)
                .setLocale(ui.locale());
    }

    /** Ends the session on the server, so a copy of the cookie kept anywhere no longer opens anything. */
    @POST
    @Path("logout")
    public Response logout() {
        sessions.close(identity.getAttribute(SessionIdentityProvider.TOKEN));
        return WebSupport.seeOther("/login").cookie(cookies.sessionEnded()).build();
    }
}
