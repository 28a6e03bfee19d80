package se.outband.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerResponseContext;

/** What all UI pages share: the CSRF cookie, the error page, redirects after a post. */
public class WebSupport {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(String message, int status);
    }

    /** Refused by {@link Ui#require}: answered with a plain page, not JSON. */
    public static class NotAllowed extends RuntimeException {
        NotAllowed() {
            super("role missing");
        }
    }

    @Inject
    Ui ui;

    /** Issues the CSRF cookie on the first page a browser sees; SameSite=Strict keeps other sites from sending it. */
    @ServerResponseFilter
    public void csrfCookie(ContainerResponseContext response) {
        String issued = ui.issuedCsrf();
        if (issued != null) {
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(Ui.CSRF_COOKIE).value(issued).path("/")
                    .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    @ServerExceptionMapper
    public Response csrfRejected(Csrf.CsrfRejected e) {
        return page(403, ui.language().messages(UiMessages.class).csrfRejected());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowed e) {
        return page(403, ui.language().messages(UiMessages.class).forbidden());
    }

    private Response page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(message, status).setLocale(ui.locale()).render()).build();
    }

    /** After a successful post, the browser shows the result with GET (so reloading never posts twice). */
    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
