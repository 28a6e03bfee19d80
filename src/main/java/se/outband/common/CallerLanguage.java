package se.outband.common;

import jakarta.enterprise.context.RequestScoped;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The language a request is answered in, decided in this one place for refusals, validation and pages:
 * the API, webhooks and Quarkus's own endpoints follow Accept-Language (the first of Swedish or English
 * it names); the web UI speaks Swedish unless its user chose English there (a cookie, so the choice
 * stays on their phone, whatever the phone's own language).
 */
@RequestScoped
public class CallerLanguage {

    /** The web UI's choice of language. */
    public static final String COOKIE = "outband-lang";

    private final RoutingContext request;
    private Language language;

    CallerLanguage(RoutingContext request) {
        this.request = request;
    }

    public Language get() {
        if (language == null) {
            language = read();
        }
        return language;
    }

    private Language read() {
        String path = request.normalizedPath();
        if (path.startsWith("/api") || path.startsWith("/webhooks") || path.startsWith("/q/")) {
            return Language.of(request);
        }
        Cookie chosen = request.request().getCookie(COOKIE);
        Language parsed = chosen == null ? null : Language.parse(chosen.getValue());
        return parsed == null ? Language.SV : parsed;
    }
}
