package se.outband.web;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
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
import se.outband.access.AccessMessages;
import se.outband.access.AuditLog;
import se.outband.access.TokenService;
import se.outband.access.UserService;
import se.outband.common.ApiException;

/** Users and their roles, API tokens, and the audit log, for administrators. */
@Path("/app/admin")
@Produces(MediaType.TEXT_HTML)
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

    AdminPages(Ui ui, UserService users, TokenService tokens, AuditLog audit) {
        this.ui = ui;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GET
    public TemplateInstance page(@QueryParam("page") @DefaultValue("0") int page) {
        ui.require(ui.admin());
        return render(Math.max(0, page), null, null);
    }

    @POST
    @Path("users")
    public Object createUser(@BeanParam Csrf csrf, @RestForm String username, @RestForm String password,
            @RestForm List<String> roles) {
        csrf.verify();
        ui.require(ui.admin());
        try {
            users.create(username, password, roles, messages());
            return WebSupport.seeOther("/app/admin");
        } catch (ApiException e) {
            return render(0, e.getMessage(), null);
        }
    }

    /** New roles, and a new password when one is typed (which also lifts a lockout). */
    @POST
    @Path("users/{username}")
    public Object changeUser(@PathParam("username") String username, @BeanParam Csrf csrf, @RestForm List<String> roles,
            @RestForm String password) {
        csrf.verify();
        ui.require(ui.admin());
        try {
            users.update(username, password == null || password.isEmpty() ? null : password, roles, messages());
            return WebSupport.seeOther("/app/admin");
        } catch (ApiException e) {
            return render(0, e.getMessage(), null);
        }
    }

    @POST
    @Path("tokens")
    public TemplateInstance createToken(@BeanParam Csrf csrf, @RestForm String name, @RestForm List<String> roles) {
        csrf.verify();
        ui.require(ui.admin());
        try {
            return render(0, null, tokens.create(name, roles == null ? null : Set.copyOf(roles), ui.username(),
                    messages()).token());
        } catch (ApiException e) {
            return render(0, e.getMessage(), null);
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Object revoke(@PathParam("id") long id, @BeanParam Csrf csrf) {
        csrf.verify();
        ui.require(ui.admin());
        tokens.revoke(id, messages());
        return WebSupport.seeOther("/app/admin");
    }

    private TemplateInstance render(int page, String error, String newToken) {
        return Templates.admin(users.list(), tokens.list(), audit.page(page, AUDIT_PAGE), error, newToken).setLocale(ui.locale());
    }

    private AccessMessages messages() {
        return ui.language().messages(AccessMessages.class);
    }
}
