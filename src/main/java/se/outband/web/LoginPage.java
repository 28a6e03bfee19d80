package se.outband.web;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.common.Language;

/** Signing in and out. The form posts to Quarkus's /j_security_check, checked against Outband's own accounts. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    private final Ui ui;

    LoginPage(Ui ui) {
        this.ui = ui;
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error).setLocale(ui.locale());
    }

    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        Language language = Language.parse(to);
        // Only back to Outband's own pages: never an open redirect.
        String target = back != null && (back.startsWith("/app/") || back.equals("/login")) ? back : "/app/";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(Ui.LANGUAGE_COOKIE).value((language == null ? Language.SV : language).tag())
                        .path("/").sameSite(NewCookie.SameSite.STRICT).maxAge(365 * 24 * 3600).build())
                .build();
    }

}
