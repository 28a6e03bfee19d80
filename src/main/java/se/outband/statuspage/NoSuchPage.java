package se.outband.statuspage;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import se.outband.common.Language;

/**
 * The public's answer to an address no page has: a page in Swedish and English saying so, with a link to
 * the status page. Only the leaders' areas (/app, /api, /q) ask for credentials; a citizen who mistypes
 * an address must never get the browser's password box.
 *
 * <p>It is also the authentication mechanism of the paths no permission opens
 * ({@code quarkus.http.auth.permission.default}): it signs nobody in, and its challenge is this page. So
 * what is denied stays denied (nothing is served that was not before), only the refusal looks like what
 * it is to the public: there is nothing here.
 *
 * <p>The same page is written into the site as {@code 404.html}, which static hosts serve for unknown
 * addresses. Its links are absolute (the status page's public address), since it is shown at any depth.
 */
@ApplicationScoped
public class NoSuchPage implements HttpAuthenticationMechanism {

    /** The name {@code auth-mechanism} selects it by in application.properties. */
    public static final String MECHANISM = "no-such-page";

    /** The status site's policy: its only style is inline, nothing is loaded or run. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

    @CheckedTemplate(basePath = "statuspage")
    static class Templates {
        static native TemplateInstance notFound(String organisation, String statusPage, StatusPageMessages sv,
                StatusPageMessages en);
    }

    private final StatusConfig config;
    private final StatusPageAddress address;
    /** Rendered once: nothing on it changes while Outband runs. */
    private volatile String page;

    NoSuchPage(StatusConfig config, StatusPageAddress address) {
        this.config = config;
        this.address = address;
    }

    public String html() {
        String html = page;
        if (html == null) {
            html = Templates.notFound(config.organisation(), address.url(), Language.SV.messages(StatusPageMessages.class),
                    Language.EN.messages(StatusPageMessages.class)).render();
            page = html;
        }
        return html;
    }

    /** The page as a JAX-RS answer, for addresses a resource was asked for and did not have. */
    public Response response() {
        return Response.status(404).type("text/html; charset=utf-8").entity(html())
                .header("Content-Security-Policy", POLICY).build();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(404, null, null));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        context.response().setStatusCode(404)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", POLICY);
        return Uni.createFrom().completionStage(context.response().end(html()).toCompletionStage()).replaceWith(true);
    }

    /** Asked last where no path selects a mechanism: it never takes a challenge from the others. */
    @Override
    public int getPriority() {
        return 0;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** A transport no client uses: it only names the mechanism, which reads no credentials at all. */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, MECHANISM, MECHANISM));
    }
}
