package se.outband.common;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * What every answer gets, set in one place before anything else runs (before sign-in is checked):
 * paths that only an attacker writes are refused at once, and pages get the browser protections.
 */
@Singleton
public class HttpHardening {

    /** Above Quarkus's CORS (300) and authentication (200) handlers: runs first. */
    private static final int PRIORITY = 1000;

    /**
     * Matrix parameters ({@code ;}), encoded slashes, backslashes, dot segments, NUL and other control
     * characters: Outband has no use for any of them, and path matching that strips or decodes them
     * differently in two places is how a page gets served without sign-in.
     */
    private static final Pattern MALFORMED = Pattern.compile(
            ";|%2f|%5c|\\\\|%00|%0[1-9a-f]|%1[0-9a-f]|%7f|%25|(^|/)(\\.|%2e){1,2}(/|$)|[\\x00-\\x1f\\x7f]",
            Pattern.CASE_INSENSITIVE);

    /** Pages of the web UI: no inline script, no framing, nothing loaded or fetched from anywhere but Outband. */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset=\"?([^\";\\s]*)", Pattern.CASE_INSENSITIVE);

    /** A body's character set, when it names one, must be one Java can read. */
    static boolean readableCharset(String contentType) {
        Matcher charset = contentType == null ? null : CHARSET.matcher(contentType);
        if (charset == null || !charset.find()) {
            return true;
        }
        try {
            return Charset.isSupported(charset.group(1));
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext context, int status, String why) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", why).encode());
    }

    void handle(RoutingContext context) {
        String uri = context.request().uri();
        int query = uri.indexOf('?');
        String rawPath = query < 0 ? uri : uri.substring(0, query);
        HttpServerResponse response = context.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("Referrer-Policy", "same-origin");
        if (MALFORMED.matcher(rawPath).find()) {
            refuse(context, 400, Language.of(context).messages(CommonMessages.class).malformedAddress());
            return;
        }
        if (!readableCharset(context.request().getHeader("Content-Type"))) {
            // Decoding a body in a character set the JVM does not have fails deep in the framework, as a 500.
            refuse(context, 415, Language.of(context).messages(CommonMessages.class).unknownCharset());
            return;
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (!path.startsWith("/status") && !path.startsWith("/q/")) {
            // The default for every page; a page that needs a stricter or different policy sets its own.
            context.addHeadersEndHandler(ignored -> {
                if (!response.headers().contains("Content-Security-Policy")) {
                    response.putHeader("Content-Security-Policy", PAGE_POLICY);
                }
            });
            response.putHeader("X-Frame-Options", "DENY");
        }
        if (path.startsWith("/app") || path.startsWith("/login") || path.startsWith("/api")) {
            // Names, numbers and replies: never kept by the browser or a proxy.
            response.putHeader("Cache-Control", "no-store");
        }
        context.next();
    }
}
