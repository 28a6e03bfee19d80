package se.outband.web;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import se.outband.common.CallerLanguage;
import se.outband.common.FrameworkErrorMapper;
import se.outband.common.RefusalMapper;
import se.outband.common.Refused;
import se.outband.common.Violations;
import se.outband.statuspage.NoSuchPage;

/** What all UI pages share: the CSRF cookie, the error page, redirects after a post. */
public class WebSupport {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(String message, int status);
    }

    @Inject
    Ui ui;

    @Inject
    Cookies cookies;

    @Inject
    CallerLanguage language;

    @Inject
    NoSuchPage noSuchPage;

    /** Issues the CSRF cookie on the first page a browser sees. */
    @ServerResponseFilter
    public void csrfCookie(ContainerResponseContext response) {
        String issued = ui.issuedCsrf();
        if (issued != null) {
            response.getHeaders().add("Set-Cookie", cookies.csrf(issued));
        }
    }

    @ServerExceptionMapper
    public Response csrfRejected(CsrfFilter.CsrfRejected e) {
        return page(403, ui.language().messages(UiMessages.class).csrfRejected());
    }

    /** A missing role: a page in the web UI, the API's JSON elsewhere. Takes precedence over the API's mapper. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return uri.getPath().startsWith("/app")
                ? page(403, ui.language().messages(UiMessages.class).forbidden())
                : FrameworkErrorMapper.forbidden(headers);
    }

    /**
     * An address nothing answers: in the web UI a page (a leader who mistypes is signed in, and reads
     * pages, not JSON), the API's JSON under /api and /q, and the public's page saying so anywhere else.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        if (under(path, "/app")) {
            return page(404, ui.language().messages(UiMessages.class).pageNotFound());
        }
        if (under(path, "/api") || under(path, "/q")) {
            return FrameworkErrorMapper.notFound(headers);
        }
        return noSuchPage.response();
    }

    /**
     * An address of the web UI opened in a way it does not take, as a bookmarked or reloaded form's target: a page
     * that says what to do, not the API's JSON.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response notAllowed(NotAllowedException e, UriInfo uri, HttpHeaders headers) {
        if (!under(uri.getPath(), "/app")) {
            return FrameworkErrorMapper.json(e, headers);
        }
        return page(405, ui.language().messages(UiMessages.class).pageNotOpenedSo());
    }

    private static boolean under(String path, String area) {
        return path.equals(area) || path.startsWith(area + "/");
    }

    /** A refusal (nobody in that group, an unknown parameter): a page in the web UI, the API's JSON elsewhere. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response refused(Refused e, UriInfo uri) {
        return uri.getPath().startsWith("/app") ? page(e.status(), e.sentence(ui.language())) : RefusalMapper.json(e, language.get());
    }

    /** A form whose shape is wrong, where the page did not show it beside the form: a page in the web UI, JSON elsewhere. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return uri.getPath().startsWith("/app") ? page(400, Violations.sentence(e)) : RefusalMapper.json(e);
    }

    private Response page(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(message, status).setLocale(ui.locale()).render()).build();
    }

    /**
     * After a successful post, the browser shows the result with GET (so reloading never posts twice).
     * The location stays relative: the browser resolves it against the address it used (the public
     * https name behind the proxy), never against a Host header someone else chose.
     */
    static Response.ResponseBuilder seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path);
    }
}
