package se.outband.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import se.outband.access.AccessRefusal;
import se.outband.access.ClientAddress;
import se.outband.access.SecondFactor;
import se.outband.access.SessionIdentityProvider;
import se.outband.common.Refused;

/**
 * The signed-in user's own account: setting up two-step sign-in, changing its app and renewing its
 * recovery codes. Each change asks for the password (or the current app's code) and keeps this browser
 * signed in while it ends the user's other sessions.
 */
@Path(AccountPages.PATH)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPages {

    static final String PATH = "/app/account";

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance account(boolean enrolled, long codesLeft, boolean mustEnrol, String error);

        static native TemplateInstance secondFactorEnrol(SecondFactor.Enrolment enrolment, String error);

        static native TemplateInstance recoveryCodes(List<String> codes);
    }

    private final Ui ui;
    private final SecondFactor secondFactor;
    private final SecurityIdentity identity;

    AccountPages(Ui ui, SecondFactor secondFactor, SecurityIdentity identity) {
        this.ui = ui;
        this.secondFactor = secondFactor;
        this.identity = identity;
    }

    @GET
    public TemplateInstance page() {
        return account(null).setLocale(ui.locale());
    }

    /** Shows the QR code of a new secret; nothing changes until a code from it is confirmed with the password. */
    @POST
    @Path("second-factor")
    public TemplateInstance enrol() {
        return Templates.secondFactorEnrol(secondFactor.enrolment(ui.username()), null).setLocale(ui.locale());
    }

    @POST
    @Path("second-factor/confirm")
    public Response confirm(@RestForm String code, @RestForm String proof, HttpServerRequest request) {
        try {
            return ui.page(Response.Status.OK.getStatusCode(),
                    Templates.recoveryCodes(secondFactor.confirm(ui.username(), code, proof, ClientAddress.of(request), session())));
        } catch (Refused e) {
            return refused(e, Templates.secondFactorEnrol(secondFactor.enrolment(ui.username()), e.sentence(ui.language())));
        }
    }

    @POST
    @Path("recovery-codes")
    public Response renewRecoveryCodes(@RestForm String proof, HttpServerRequest request) {
        try {
            return ui.page(Response.Status.OK.getStatusCode(),
                    Templates.recoveryCodes(secondFactor.renewRecoveryCodes(ui.username(), proof, ClientAddress.of(request), session())));
        } catch (Refused e) {
            return refused(e, account(e.sentence(ui.language())));
        }
    }

    private TemplateInstance account(String error) {
        boolean enrolled = secondFactor.enrolled(ui.username());
        return Templates.account(enrolled, enrolled ? secondFactor.recoveryCodesLeft(ui.username()) : 0,
                Boolean.TRUE.equals(identity.getAttribute(SessionIdentityProvider.MUST_ENROL)), error);
    }

    /** This browser's session: the one change that stays signed in. */
    private String session() {
        return identity.getAttribute(SessionIdentityProvider.TOKEN);
    }

    /** The same form again with the reason; held back, also when to come back. */
    private Response refused(Refused e, TemplateInstance form) {
        Response.ResponseBuilder answer = Response.fromResponse(ui.page(e.status(), form));
        if (e.refusal() instanceof AccessRefusal.HeldBack held) {
            answer.header("Retry-After", held.retryAfter().toSeconds());
        }
        return answer.build();
    }

}
