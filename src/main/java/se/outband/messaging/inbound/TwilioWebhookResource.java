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

    /** Never an answer to the sender: whoever may post here could read it (see {@link SmsCommands}). */
    private static final String NO_ANSWER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
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

    /** Always empty TwiML: a leader's command is answered by an SMS of its own to the leader's registered number. */
    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public String inbound(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        verify(INBOUND_PATH, form, signature);
        inbound.receive(SmsProvider.TWILIO, form.getFirst("From"), form.getFirst("Body"), ProviderIds.from(form, "MessageSid"));
        return NO_ANSWER;
    }

    private void verify(String path, MultivaluedMap<String, String> form, String signature) {
        twilio.verify(path, form, signature);
    }
}
