package se.outband.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import se.outband.access.SecondFactor;
import se.outband.access.SessionIdentityProvider;
import se.outband.common.Refused;

/** The signed-in user's own account: setting up two-step sign-in and its recovery codes. */
@Path(AccountPages.PATH)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPages {

    static final String PATH = "/app/account";

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance account(boolean enrolled, long codesLeft, boolean mustEnrol);

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
        boolean enrolled = secondFactor.enrolled(ui.username());
        return Templates.account(enrolled, enrolled ? secondFactor.recoveryCodesLeft(ui.username()) : 0,
                Boolean.TRUE.equals(identity.getAttribute(SessionIdentityProvider.MUST_ENROL))).setLocale(ui.locale());
    }

    /** Shows the QR code of a new secret; nothing changes until a code from it is confirmed. */
    @POST
    @Path("second-factor")
    public TemplateInstance enrol() {
        return Templates.secondFactorEnrol(secondFactor.enrolment(ui.username()), null).setLocale(ui.locale());
    }

    @POST
    @Path("second-factor/confirm")
    public TemplateInstance confirm(@RestForm String code) {
        try {
            return Templates.recoveryCodes(secondFactor.confirm(ui.username(), code)).setLocale(ui.locale());
        } catch (Refused e) {
            return Templates.secondFactorEnrol(secondFactor.enrolment(ui.username()), e.sentence(ui.language())).setLocale(ui.locale());
        }
    }

    @POST
    @Path("recovery-codes")
    public TemplateInstance renewRecoveryCodes() {
        return Templates.recoveryCodes(secondFactor.renewRecoveryCodes(ui.username())).setLocale(ui.locale());
    }
}
