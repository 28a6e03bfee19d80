package se.outband.web;

import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import se.outband.access.AccessMessages;
import se.outband.access.ClientAddress;
import se.outband.access.PasswordLogin;
import se.outband.access.SecondFactor;
import se.outband.access.SignInThrottle;
import se.outband.access.WebSessions;
import se.outband.common.Language;

/**
 * Signing in to the web UI: the password, then (for those who enrolled one) the code from the
 * authenticator app or a recovery code. Both steps are throttled per address like HTTP Basic, and both
 * forms carry the CSRF token, so another site cannot sign a browser in.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LoginPage {

    /** Only back to one of Outband's own pages, in plain characters: never an open redirect or a broken header. */
    private static final Pattern BACK = Pattern.compile("/login|/app/[A-Za-z0-9/_.~%-]{0,200}");

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance login(String error);

        static native TemplateInstance loginCode(String error);
    }

    private final Ui ui;
    private final Cookies cookies;
    private final PasswordLogin passwords;
    private final SecondFactor secondFactor;
    private final WebSessions sessions;

    LoginPage(Ui ui, Cookies cookies, PasswordLogin passwords, SecondFactor secondFactor, WebSessions sessions) {
        this.ui = ui;
        this.cookies = cookies;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
    }

    /** Whoever types Outband's address lands on the public status page; its footer links leaders to sign in. */
    @GET
    public Response root() {
        return WebSupport.seeOther("/status/").build();
    }

    @GET
    @Path("login")
    public TemplateInstance login() {
        return Templates.login(null).setLocale(ui.locale());
    }

    @POST
    @Path("login")
    public Response signIn(@RestForm String username, @RestForm String password, HttpServerRequest request) {
        String name = username == null ? "" : username.strip();
        String address = ClientAddress.of(request);
        PasswordLogin.Result result = passwords.attempt(name, password == null ? "" : password, address);
        if (!(result instanceof PasswordLogin.Accepted accepted)) {
            return refused(result, ui.language().messages(UiMessages.class).loginFailed(), Templates::login);
        }
        String session = sessions.start(accepted, address);
        return WebSupport.seeOther(accepted.secondFactor() ? "/login/code" : "/app/").cookie(cookies.session(session)).build();
    }

    @GET
    @Path("login/code")
    public Response codeForm(@CookieParam(WebSessions.COOKIE) String pending) {
        if (sessions.awaitingCode(pending).isEmpty()) {
            return WebSupport.seeOther("/login").build();
        }
        return ui.page(200, Templates.loginCode(null));
    }

    @POST
    @Path("login/code")
    public Response code(@RestForm String code, @CookieParam(WebSessions.COOKIE) String pending, HttpServerRequest request) {
        Long userId = sessions.awaitingCode(pending).orElse(null);
        if (userId == null) {
            return WebSupport.seeOther("/login").build();
        }
        String address = ClientAddress.of(request);
        PasswordLogin.Result result = secondFactor.signIn(userId, code, address);
        if (!(result instanceof PasswordLogin.Accepted)) {
            return refused(result, messages().codeWrong(), Templates::loginCode);
        }
        return sessions.complete(pending, userId, address)
                .map(session -> WebSupport.seeOther("/app/").cookie(cookies.session(session)).build())
                .orElseGet(() -> WebSupport.seeOther("/login").build());
    }

    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        Language language = Language.parse(to);
        return WebSupport.seeOther(back != null && BACK.matcher(back).matches() && !back.contains("/.") ? back : "/app/")
                .cookie(cookies.language((language == null ? Language.SV : language).tag()))
                .build();
    }

    /** The same form again: 401 with {@code wrong}, or 429 with Retry-After when this address is held back. */
    private Response refused(PasswordLogin.Result result, String wrong, Function<String, TemplateInstance> form) {
        if (result instanceof PasswordLogin.HeldBack heldBack) {
            Duration wait = heldBack.retryAfter();
            return Response.fromResponse(ui.page(429, form.apply(messages().heldBack(SignInThrottle.minutes(wait)))))
                    .header("Retry-After", wait.toSeconds()).build();
        }
        return ui.page(401, form.apply(wrong));
    }


    private AccessMessages messages() {
        return ui.language().messages(AccessMessages.class);
    }
}
