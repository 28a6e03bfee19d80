package se.outband.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import se.outband.access.ClientAddress;
import se.outband.common.Language;
import se.outband.statuspage.StatusConfig;
import se.outband.statuspage.StatusPageAddress;
import se.outband.subscriptions.EmailSubscriptions;

/**
 * The public's email subscription: the status page's form posts here (from wherever the static page is hosted),
 * the confirmation mail links here, and so does every mail's unsubscribe link. A link only shows a page with a
 * button; the button's POST acts, so a mail scanner that opens links confirms and ends nothing. The POST of the
 * unsubscribe link is also RFC 8058's one-click unsubscribe, sent by the recipient's mailbox provider.
 */
@Path("/subscribe")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SubscribePage {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance subscribe(String lang, String organisation, String heading, String text, String action,
                String button, String statusPage, String back);
    }

    private final EmailSubscriptions subscriptions;
    private final StatusConfig status;
    private final StatusPageAddress address;
    private final Ui ui;

    SubscribePage(EmailSubscriptions subscriptions, StatusConfig status, StatusPageAddress address, Ui ui) {
        this.subscriptions = subscriptions;
        this.status = status;
        this.address = address;
        this.ui = ui;
    }

    /** Where the form posts, opened as a page (or asked by the status page's script whether Outband answers): the status page. */
    @GET
    public Response statusPage() {
        return Response.seeOther(java.net.URI.create(address.url())).build();
    }

    /** Answers the same page whatever the address, so the form cannot tell who subscribes. */
    @POST
    public Response request(@RestForm String email, @RestForm String language, HttpServerRequest request) {
        Language words = Optional.ofNullable(Language.parse(language)).orElse(Language.SV);
        SubscribeMessages say = words.messages(SubscribeMessages.class);
        return switch (subscriptions.request(email, language, ClientAddress.of(request))) {
            case NOT_AN_ADDRESS -> page(400, words, say.invalidHeading(), say.invalidText(), null, null);
            case CLIENT_HELD_BACK -> Response.fromResponse(page(429, words, say.heldHeading(), say.heldText(), null, null))
                    .header("Retry-After", 3600).build();
            case ANSWERED -> page(200, words, say.sentHeading(), say.sentText(), null, null);
        };
    }

    @GET
    @Path("confirm/{token}")
    public Response confirmation(@PathParam("token") String token) {
        return subscriptions.waiting(token).map(words -> {
            SubscribeMessages say = words.messages(SubscribeMessages.class);
            return page(200, words, say.confirmHeading(), say.confirmText(), "/subscribe/confirm/" + token, say.confirmButton());
        }).orElseGet(this::expired);
    }

    @POST
    @Path("confirm/{token}")
    public Response confirm(@PathParam("token") String token) {
        Optional<Language> language = subscriptions.waiting(token);
        if (language.isEmpty() || subscriptions.confirm(token) != EmailSubscriptions.Confirmed.CONFIRMED) {
            return expired();
        }
        SubscribeMessages say = language.get().messages(SubscribeMessages.class);
        return page(200, language.get(), say.confirmedHeading(), say.confirmedText(), null, null);
    }

    @GET
    @Path("stop/{token}")
    public Response unsubscribing(@PathParam("token") String token) {
        Optional<Language> language = subscriptions.subscribed(token);
        Language words = language.orElseGet(ui::language);
        SubscribeMessages say = words.messages(SubscribeMessages.class);
        return language.isPresent() ? page(200, words, say.stopHeading(), say.stopText(), "/subscribe/stop/" + token, say.stopButton())
                : page(200, words, say.stoppedHeading(), say.stoppedText(), null, null);
    }

    /**
     * Ends it, from the page's button or from a mailbox provider's one-click POST ({@code List-Unsubscribe=One-Click}).
     * A link that leads to no subscription (ended already) is answered the same: there is nothing more to end.
     */
    @POST
    @Path("stop/{token}")
    public Response unsubscribe(@PathParam("token") String token) {
        Language words = subscriptions.subscribed(token).orElseGet(ui::language);
        subscriptions.unsubscribe(token);
        SubscribeMessages say = words.messages(SubscribeMessages.class);
        return page(200, words, say.stoppedHeading(), say.stoppedText(), null, null);
    }

    private Response expired() {
        Language words = ui.language();
        SubscribeMessages say = words.messages(SubscribeMessages.class);
        return page(410, words, say.expiredHeading(), say.expiredText(), null, null);
    }

    private Response page(int code, Language language, String heading, String text, String action, String button) {
        String statusPage = address.url() + (language == Language.EN ? "en/" : "");
        SubscribeMessages say = language.messages(SubscribeMessages.class);
        return Response.status(code).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.subscribe(language.tag(), status.organisation(), heading, text, action, button, statusPage, say.back())
                        .setLocale(Locale.forLanguageTag(language.tag())).render())
                .build();
    }
}
