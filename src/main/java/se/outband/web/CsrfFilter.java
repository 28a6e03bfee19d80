package se.outband.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import se.outband.common.CommonRefusal;
import se.outband.common.Refused;

/**
 * The one defence against cross-site request forgery, for every request that changes something, so
 * a new form is protected because it exists. A browser that says the request comes from another site
 * (Sec-Fetch-Site, else Origin) is refused everywhere, the API included (a browser may hold HTTP Basic
 * credentials). Forms of the web UI and the sign-in form must also carry the token that equals the
 * CSRF cookie, which other sites can neither read nor send. Webhooks are signed instead.
 *
 * <p>The public's subscription paths ({@code /subscribe…}) are exempt from both: the form is on the static status
 * page, which may be hosted on another site, and the one-click unsubscribe is posted by mailbox providers. They
 * read no cookie and no session, so a request forged from another site can do nothing its forger could not do by
 * posting it directly: ask for a confirmation mail (held back per client, domain and address, and confirmed only
 * by whoever reads the mailbox), or use a link whose 256-bit token only that mailbox was sent.
 */
public class CsrfFilter {

    /** The form field every form carries (see {@link Ui#csrf()}); scripts may send it as a header. */
    static final String FIELD = "csrf";
    static final String HEADER = "X-CSRF-Token";

    @ServerRequestFilter
    @WithFormRead
    public void verify(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        String method = context.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String path = context.getUriInfo().getPath();
        if (path.equals("/subscribe") || path.startsWith("/subscribe/")) {
            return;
        }
        boolean api = path.startsWith("/api/") || path.equals("/api");
        if (crossSite(request)) {
            if (api) {
                throw new Refused(new CommonRefusal.CrossSite());
            }
            throw new CsrfRejected();
        }
        if (api || path.startsWith("/webhooks/")) {
            return;
        }
        String token = context.getHeaderString(HEADER);
        if (token == null) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext()).getFormParameter(FIELD, true, false);
            token = field instanceof String s ? s : null;
        }
        Cookie cookie = request.getCookie(Cookies.CSRF);
        if (token == null || cookie == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejected();
        }
    }

    /** Browsers say where a request comes from; scripts and servers (curl, the HR export, Twilio) say nothing. */
    private static boolean crossSite(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        return origin != null && (host == null || !host.equalsIgnoreCase(hostOf(origin)));
    }

    private static String hostOf(String origin) {
        try {
            URI uri = URI.create(origin);
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Answered with 403 and a page that says what to do. */
    public static class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("CSRF check failed");
        }
    }
}
