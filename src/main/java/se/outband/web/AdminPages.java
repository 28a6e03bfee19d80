package se.outband.web;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
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
import se.outband.access.AuditLog;
import se.outband.access.Roles;
import se.outband.access.SecondFactor;
import se.outband.access.TokenService;
import se.outband.access.UserService;
import se.outband.common.Refused;

/** Users and their roles, API tokens, and the audit log, for administrators. */
@Path("/app/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {

    private static final int AUDIT_PAGE = 50;

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance admin(List<UserService.UserView> users, List<TokenService.TokenView> tokens,
                AuditLog.AuditPage audit, String error, String newToken);
    }

    private final Ui ui;
    private final UserService users;
    private final TokenService tokens;
    private final AuditLog audit;
    private final SecondFactor secondFactor;

    AdminPages(Ui ui, UserService users, TokenService tokens, AuditLog audit, SecondFactor secondFactor) {
        this.ui = ui;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.secondFactor = secondFactor;
    }

    @GET
    public TemplateInstance page(@QueryParam("page") @DefaultValue("0") int page) {
        return render(Math.max(0, page), null, null);
    }

    @POST
    @Path("users")
    public Object createUser(@RestForm String username, @RestForm String password,
            @RestForm List<String> roles, @RestForm String mobile) {
        try {
            users.create(username, password, roles, mobile);
            return WebSupport.seeOther("/app/admin").build();
        } catch (Refused e) {
            return render(0, e.sentence(ui.language()), null);
        }
    }

    /** New roles, and a new password when one is typed (either signs the user out everywhere), and the mobile (empty removes it). */
    @POST
    @Path("users/{username}")
    public Object changeUser(@PathParam("username") String username, @RestForm List<String> roles,
            @RestForm String password, @RestForm String mobile) {
        try {
            users.update(username, password == null || password.isEmpty() ? null : password, roles, mobile == null ? "" : mobile);
            return WebSupport.seeOther("/app/admin").build();
        } catch (Refused e) {
            return render(0, e.sentence(ui.language()), null);
        }
    }

    /** For a lost phone: the user signs in with the password and sets up a new second factor. */
    @POST
    @Path("users/{username}/second-factor/reset")
    public Object resetSecondFactor(@PathParam("username") String username) {
        secondFactor.reset(username);
        return WebSupport.seeOther("/app/admin").build();
    }

    @POST
    @Path("tokens")
    public TemplateInstance createToken(@RestForm String name, @RestForm List<String> roles) {
        try {
            return render(0, null, tokens.create(name, roles == null ? null : Set.copyOf(roles), ui.username()).token());
        } catch (Refused e) {
            return render(0, e.sentence(ui.language()), null);
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Object revoke(@PathParam("id") long id) {
        tokens.revoke(id);
        return WebSupport.seeOther("/app/admin").build();
    }

    private TemplateInstance render(int page, String error, String newToken) {
        return Templates.admin(users.list(), tokens.list(), audit.page(page, AUDIT_PAGE), error, newToken).setLocale(ui.locale());
    }
}
