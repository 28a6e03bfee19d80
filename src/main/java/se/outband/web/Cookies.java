package se.outband.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import se.outband.access.WebSessions;
import se.outband.common.CallerLanguage;
import se.outband.common.OutbandConfig;

/**
 * Every cookie Outband sets: HttpOnly where scripts have no business, SameSite=Strict so other sites
 * cannot send them, and Secure whenever Outband is reached over https (behind the TLS proxy).
 */
@ApplicationScoped
public class Cookies {

    static final String CSRF = "outband-csrf";

    private final boolean secure;

    Cookies(OutbandConfig outband) {
        this.secure = outband.publicUrl().regionMatches(true, 0, "https:", 0, 6);
    }

    NewCookie session(String token) {
        return strict(WebSessions.COOKIE, token).httpOnly(true).build();
    }

    NewCookie sessionEnded() {
        return strict(WebSessions.COOKIE, "").httpOnly(true).maxAge(0).build();
    }

    NewCookie csrf(String token) {
        return strict(CSRF, token).httpOnly(true).build();
    }

    NewCookie language(String tag) {
        return strict(CallerLanguage.COOKIE, tag).httpOnly(true).maxAge(365 * 24 * 3600).build();
    }

    private NewCookie.Builder strict(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/").sameSite(NewCookie.SameSite.STRICT).secure(secure);
    }
}
