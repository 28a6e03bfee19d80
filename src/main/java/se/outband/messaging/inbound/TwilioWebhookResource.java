package se.outband.messaging.inbound;

import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.outband.messaging.providers.sms.SmsGatewayProducer;
import se.outband.messaging.providers.sms.SmsProvider;

/**
 * Twilio's calls to Outband: delivery status reports and incoming SMS. Public, but every call must
 * carry Twilio's signature over {@code outband.public-url} + path and the parameters; anything else
 * gets 403 and changes nothing.
 */
// No sign-in: Twilio calls it, and every call's signature is checked instead.
@jakarta.annotation.security.PermitAll
@Path("/webhooks/twilio")
public class TwilioWebhookResource {

    /** TwiML from a template: Qute escapes XML, so nothing a leader writes can add instructions. */
    @CheckedTemplate(basePath = "twiml", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Twiml {
        static native TemplateInstance message(String text);
    }
    static final String INBOUND_PATH = "/webhooks/twilio/inbound";
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9-]{1,20}");

    private final TwilioRequests twilio;
    private final ProviderReports reports;
    private final InboundSms inbound;

    TwilioWebhookResource(TwilioRequests twilio, ProviderReports reports, InboundSms inbound) {
        this.twilio = twilio;
        this.reports = reports;
        this.inbound = inbound;
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        verify(SmsGatewayProducer.STATUS_CALLBACK_PATH, form, signature);
        String errorCode = form.getFirst("ErrorCode");
        reports.providerStatus(SmsProvider.TWILIO, ProviderIds.from(form, "MessageSid"), form.getFirst("MessageStatus"),
                errorCode == null || ERROR_CODE.matcher(errorCode).matches() ? errorCode : "unreadable");
        return Response.noContent().build();
    }

    /**
     * A leader's SMS command is answered in the TwiML (Twilio texts it to the number it came from);
     * anything else gets empty TwiML: Outband never texts staff back by itself (every SMS costs, and a
     * loop must be impossible).
     */
    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public String inbound(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        verify(INBOUND_PATH, form, signature);
        return inbound.receive(SmsProvider.TWILIO, form.getFirst("From"), form.getFirst("Body"), ProviderIds.from(form, "MessageSid"))
                .map(answer -> Twiml.message(answer.text()).render())
                .orElse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    }

    private void verify(String path, MultivaluedMap<String, String> form, String signature) {
        twilio.verify(path, form, signature);
    }
}
