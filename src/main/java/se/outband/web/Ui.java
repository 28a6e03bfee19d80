package se.outband.web;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import se.outband.access.Roles;
import se.outband.common.CallerLanguage;
import se.outband.common.Language;
import se.outband.common.PhoneNumbers;
import se.outband.common.Refused;
import se.outband.common.Said;
import se.outband.common.Violations;

/**
 * What every page needs to know about the person using it: name, roles, language and the CSRF token
 * for its forms. Templates read it as {@code inject:ui}.
 */
@RequestScoped
@Named("ui")
public class Ui {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    @Inject
    PhoneNumbers phoneNumbers;

    @Inject
    CallerLanguage callerLanguage;

    private String newCsrf;

    public String username() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean sender() {
        return identity.hasRole(Roles.SENDER) || identity.hasRole(Roles.ADMIN);
    }

    public boolean contacts() {
        return identity.hasRole(Roles.CONTACTS) || identity.hasRole(Roles.ADMIN);
    }

    /** Crisis leaders look people up too, to choose recipients, call them and take a call list along. */
    public boolean readsContacts() {
        return contacts() || sender();
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Swedish unless the user chose English (a cookie, so the choice stays on this phone). */
    public Language language() {
        return callerLanguage.get();
    }

    /** The page being shown, for the language link to come back to; a page made by a post cannot be fetched again. */
    public String path() {
        return request.method() == HttpMethod.GET ? request.path() : "/app/";
    }

    public String lang() {
        return language().tag();
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    /** {@code page} in the caller's language, as an HTML answer with {@code status}: a form shown again with why it was refused. */
    public Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.setLocale(locale()).render())
                .build();
    }

    /** Something Outband says (a row's problem in an import), in this user's language. */
    public String say(Said said) {
        return said.sentence(language());
    }

    /** Why a form's request was not carried out, to show beside the form. */
    public String why(RuntimeException refusedOrInvalid) {
        return refusedOrInvalid instanceof Refused refused ? refused.sentence(language())
                : Violations.sentence((ConstraintViolationException) refusedOrInvalid);
    }

    /** A stored (E.164) number as people here write it, for showing; links keep the E.164 form. */
    public String phone(String e164) {
        return phoneNumbers.display(e164);
    }

    /** An amount as people here write it: 12,60 in Swedish, 12.60 in English. */
    public String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** The token every form carries; the same value lives in a cookie other sites cannot send or read. */
    public String csrf() {
        Cookie cookie = request.getCookie(Cookies.CSRF);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return cookie.getValue();
        }
        if (newCsrf == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            newCsrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return newCsrf;
    }

    /** A token made during this request, to be set as the cookie on the answer. */
    String issuedCsrf() {
        return newCsrf;
    }
}
