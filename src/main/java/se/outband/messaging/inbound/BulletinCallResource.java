package se.outband.messaging.inbound;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.messaging.bulletins.BulletinQueries;
import se.outband.messaging.bulletins.CallScript;
import se.outband.messaging.providers.sms.SmsProvider;
import se.outband.messaging.providers.voice.CallGateway;
import se.outband.messaging.providers.voice.VoiceConfig;
import se.outband.statuspage.StatusConfig;

/**
 * Twilio's side of a call that reads a bulletin: what to say once the person answers (the text twice,
 * "Övning" first in a drill, then the reply options on the keypad), the key they press, and how the
 * call ended. Every request is signed by Twilio; anything else gets 403 and changes nothing.
 */
// No sign-in: Twilio calls it, and every call's signature is checked instead.
@PermitAll
@Path(CallGateway.BULLETIN_CALLS)
@Produces(MediaType.TEXT_XML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class BulletinCallResource {

    private static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,5}");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @CheckedTemplate(basePath = "twiml")
    static class Twiml {
        static native TemplateInstance bulletinCall(String voice, String organisation, CallScript script, String action);

        static native TemplateInstance keypadAnswer(String voice, CallScript script, String action, String answer);
    }

    private final TwilioRequests twilio;
    private final BulletinQueries bulletins;
    private final IncomingReplies replies;
    private final ProviderReports reports;
    private final VoiceConfig config;
    private final StatusConfig statusConfig;

    BulletinCallResource(TwilioRequests twilio, BulletinQueries bulletins, IncomingReplies replies, ProviderReports reports, VoiceConfig config,
            StatusConfig statusConfig) {
        this.twilio = twilio;
        this.bulletins = bulletins;
        this.replies = replies;
        this.reports = reports;
        this.config = config;
        this.statusConfig = statusConfig;
    }

    /** The person answered: what the call says. */
    @POST
    @Path("/{delivery: [0-9]{1,18}}")
    public String answered(@PathParam("delivery") long delivery, MultivaluedMap<String, String> form,
            @HeaderParam("X-Twilio-Signature") String signature) {
        twilio.verify(CallGateway.BULLETIN_CALLS + "/" + delivery, form, signature);
        return bulletins.callScript(delivery)
                .map(script -> Twiml.bulletinCall(config.voice(), statusConfig.organisation(), script, keypad(delivery))
                        .setLocale(SWEDISH).render())
                .orElse(HANG_UP);
    }

    /** The person pressed a key: their answer is stored and confirmed, or the choices are read again. */
    @POST
    @Path("/{delivery: [0-9]{1,18}}/keypad")
    public String keypad(@PathParam("delivery") long delivery, MultivaluedMap<String, String> form,
            @HeaderParam("X-Twilio-Signature") String signature) {
        twilio.verify(keypad(delivery), form, signature);
        String digits = form.getFirst("Digits");
        Optional<CallScript> script = bulletins.callScript(delivery);
        if (script.isEmpty()) {
            return HANG_UP;
        }
        String answer = digits != null && DIGITS.matcher(digits).matches()
                ? replies.byKeypad(delivery, digits, ProviderIds.from(form, "CallSid")).orElse(null) : null;
        return Twiml.keypadAnswer(config.voice(), script.get(), keypad(delivery), answer).setLocale(SWEDISH).render();
    }

    /** How a call ended: completed (answered), busy, no-answer, failed or canceled. */
    @POST
    @Path("/status")
    public Response status(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        twilio.verify(CallGateway.BULLETIN_CALLS + "/status", form, signature);
        reports.providerStatus(SmsProvider.TWILIO, ProviderIds.from(form, "CallSid"), form.getFirst("CallStatus"), null);
        return Response.noContent().build();
    }

    private static final String HANG_UP = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";

    private static String keypad(long delivery) {
        return CallGateway.BULLETIN_CALLS + "/" + delivery + "/keypad";
    }
}
