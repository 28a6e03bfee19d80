package se.outband.web;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The defence against cross-site request forgery on every form post: the form's token must equal the
 * token cookie (which other sites can neither read nor send, SameSite=Strict), and the browser must
 * say the request came from this site (Sec-Fetch-Site, else Origin).
 */
public class Csrf {

    @RestForm("csrf")
    String token;

    @CookieParam(Ui.CSRF_COOKIE)
    String cookie;

    @HeaderParam("Sec-Fetch-Site")
    String fetchSite;

    @HeaderParam("Origin")
    String origin;

    @HeaderParam("Host")
    String host;

    /** Throws {@link CsrfRejected} unless the post came from one of Outband's own forms. */
    public void verify() {
        boolean sameToken = token != null && cookie != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
        boolean sameSite = fetchSite != null
                ? fetchSite.equals("same-origin") || fetchSite.equals("none")
                : origin == null || host != null && host.equalsIgnoreCase(hostOf(origin));
        if (!sameToken || !sameSite) {
            throw new CsrfRejected();
        }
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
