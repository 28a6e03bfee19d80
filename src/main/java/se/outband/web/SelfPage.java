package se.outband.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import se.outband.access.ClientAddress;
import se.outband.access.SignInThrottle;
import se.outband.checks.SelfCheck;
import se.outband.checks.SelfThrottle;
import se.outband.common.Language;
import se.outband.common.Refused;
import se.outband.contacts.ContactRefusal;

/**
 * A person's own page, opened from the link in their SMS or email without signing in. Every form carries the
 * CSRF token like the rest of the UI; after a post the browser is sent back to the page (so reloading never posts
 * twice), told in {@code said} what happened. An address that tries links or codes that are wrong is held back.
 */
@Path("/self/{token}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SelfPage {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance self(String lang, SelfCheck.Open page, String deadline, String token, List<String> saids,
                Errors errors, String mobile, String email, String notice, boolean noticeInSwedish, String emailConfirm,
                String secret, String heading, String text);
    }

    /** What was wrong with the correction form: for the summary at the top and beside each field. */
    public record Errors(String form, String mobile, String email) {
        static Errors of(Refused refused, Language language) {
            if (refused.refusal() instanceof ContactRefusal.ContactInvalid invalid) {
                return new Errors(null, field(invalid, "mobile", language), field(invalid, "email", language));
            }
            return new Errors(refused.sentence(language), null, null);
        }

        private static String field(ContactRefusal.ContactInvalid invalid, String name, Language language) {
            return invalid.errors().stream().filter(e -> e.field().equals(name)).map(e -> e.reason().sentence(language)).findFirst()
                    .orElse(null);
        }
    }

    private final SelfCheck self;
    private final SelfThrottle throttle;
    private final Ui ui;

    SelfPage(SelfCheck self, SelfThrottle throttle, Ui ui) {
        this.self = self;
        this.throttle = throttle;
        this.ui = ui;
    }

    @GET
    public Response show(@PathParam("token") String token, @QueryParam("said") String said, HttpServerRequest request) {
        return held(request).orElseGet(() -> page(token, said == null ? List.of() : List.of(said.split(",")), null, null, null, request));
    }

    @POST
    @Path("confirm")
    public Response confirm(@PathParam("token") String token, HttpServerRequest request) {
        return held(request).orElseGet(() -> after(token, List.of(self.confirm(token)), request));
    }

    @POST
    public Response correct(@PathParam("token") String token, @RestForm String mobile, @RestForm String email,
            @RestForm String language, HttpServerRequest request) {
        return held(request).orElseGet(() -> {
            try {
                return after(token, self.correct(token, mobile, email, language), request);
            } catch (Refused refused) {
                SelfCheck.Visit visit = self.visit(token);
                Language words = visit instanceof SelfCheck.Open open ? open.language() : ui.language();
                return page(token, List.of(), Errors.of(refused, words), mobile, email, request);
            }
        });
    }

    @POST
    @Path("code")
    public Response code(@PathParam("token") String token, @RestForm String code, HttpServerRequest request) {
        return held(request).orElseGet(() -> {
            SelfCheck.Outcome outcome = self.code(token, code);
            if (outcome == SelfCheck.Outcome.CODE_WRONG || outcome == SelfCheck.Outcome.ENDED) {
                throttle.failed(ClientAddress.of(request));
            }
            return after(token, List.of(outcome), request);
        });
    }

    @GET
    @Path("email/{secret}")
    public Response emailLink(@PathParam("token") String token, @PathParam("secret") String secret, HttpServerRequest request) {
        return held(request).orElseGet(() -> {
            if (!(self.visit(token) instanceof SelfCheck.Open open) || !self.emailLinkWaiting(token, secret)) {
                return after(token, List.of(SelfCheck.Outcome.EMAIL_LINK_WRONG), request);
            }
            return html(200, Templates.self(open.language().tag(), null, null, token, List.of(), null, null, null, null, false,
                    open.pendingEmail(), secret, null, null), open.language());
        });
    }

    @POST
    @Path("email/{secret}")
    public Response confirmEmail(@PathParam("token") String token, @PathParam("secret") String secret, HttpServerRequest request) {
        return held(request).orElseGet(() -> after(token, List.of(self.confirmEmail(token, secret)), request));
    }

    /** Back to the page with what happened; a link that leads nowhere gets its page at once. */
    private Response after(String token, List<SelfCheck.Outcome> outcomes, HttpServerRequest request) {
        if (outcomes.contains(SelfCheck.Outcome.CLOSED)) {
            return page(token, List.of(), null, null, null, request);
        }
        String said = String.join(",", outcomes.stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toList());
        return WebSupport.seeOther("/self/" + token + "?said=" + said).build();
    }

    private Response page(String token, List<String> said, Errors error, String mobile, String email, HttpServerRequest request) {
        SelfCheck.Visit visit = self.visit(token);
        if (visit instanceof SelfCheck.Open open) {
            SelfMessages words = open.language().messages(SelfMessages.class);
            List<String> saids = said.stream().map(s -> sentence(words, s)).filter(s -> s != null).toList();
            return html(error == null ? 200 : 400, Templates.self(open.language().tag(), open, open.deadline().toString(), token, saids,
                    error, mobile, email, self.privacyNotice(open.language()), self.privacyNoticeInSwedish(open.language()), null,
                    null, null, null), open.language());
        }
        if (visit instanceof SelfCheck.Expired expired) {
            SelfMessages words = expired.language().messages(SelfMessages.class);
            return closed(410, words.expiredHeading(), words.expiredText(), expired.language());
        }
        if (visit instanceof SelfCheck.Ended ended) {
            SelfMessages words = ended.language().messages(SelfMessages.class);
            return closed(410, words.endedHeading(), words.endedText(), ended.language());
        }
        throttle.failed(ClientAddress.of(request));
        SelfMessages words = ui.language().messages(SelfMessages.class);
        return closed(404, words.unknownHeading(), words.unknownText(), ui.language());
    }

    /** What happened, from the outcome's name; anything else in the address is not shown. */
    private static String sentence(SelfMessages words, String said) {
        return switch (said) {
            case "confirmed" -> words.saidConfirmed();
            case "saved" -> words.saidSaved();
            case "nothing_changed" -> words.saidNothingChanged();
            case "code_sent" -> words.saidCodeSent();
            case "code_wrong" -> words.saidCodeWrong();
            case "code_expired" -> words.saidCodeExpired();
            case "no_code_waiting" -> words.saidNoCodeWaiting();
            case "too_many_codes" -> words.saidTooManyCodes();
            case "email_sent" -> words.saidEmailSent();
            case "email_confirmed" -> words.saidEmailConfirmed();
            case "email_link_wrong" -> words.saidEmailLinkWrong();
            default -> null;
        };
    }

    private Optional<Response> held(HttpServerRequest request) {
        return throttle.heldBack(ClientAddress.of(request)).map(wait -> {
            SelfMessages words = ui.language().messages(SelfMessages.class);
            return Response.fromResponse(closed(429, words.heldBackHeading(), words.heldBackText(SignInThrottle.minutes(wait)),
                    ui.language())).header("Retry-After", wait.toSeconds()).build();
        });
    }

    private Response closed(int status, String heading, String text, Language language) {
        return html(status, Templates.self(language.tag(), null, null, null, List.of(), null, null, null, null, false, null, null,
                heading, text), language);
    }

    private static Response html(int status, TemplateInstance page, Language language) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(page.setLocale(Locale.forLanguageTag(language.tag())).render()).build();
    }
}
