package se.outband.messaging.inbound;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import se.outband.messaging.providers.sms.SmsGatewayProducer;
import se.outband.messaging.providers.sms.SmsProvider;

/**
 * 46elks' calls to Outband: delivery reports ({@code whendelivered}) and incoming SMS (the number's
 * {@code sms_url}). 46elks signs nothing, so both addresses carry {@code outband.sms.46elks.webhook-secret};
 * {@link ElksSecretFilter} refuses a call with any other secret before its body is read, and each method
 * checks the secret once more: a way to write the address that the filter did not foresee still opens nothing.
 */
// No sign-in: 46elks calls it, and the secret in the address is checked instead.
@PermitAll
@Path(SmsGatewayProducer.ELKS_WEBHOOKS + "{secret}")
public class ElksWebhookResource {

    private final ProviderReports reports;
    private final InboundSms inbound;
    private final ElksWebhookSecret secret;

    ElksWebhookResource(ProviderReports reports, InboundSms inbound, ElksWebhookSecret secret) {
        this.inbound = inbound;
        this.reports = reports;
        this.secret = secret;
    }

    /** {@code id}, {@code status} (sent, delivered, failed), {@code delivered}: applies only to a message 46elks took. */
    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("secret") String given, MultivaluedMap<String, String> form) {
        secret.require(given);
        String status = form.getFirst("status");
        reports.providerStatus(SmsProvider.ELKS, ProviderIds.from(form, "id"), status == null ? "" : status,
                "failed".equals(status) ? "46elks-failed" : null);
        return Response.noContent().build();
    }

    /**
     * {@code id}, {@code from}, {@code to}, {@code message}. Never a body: 46elks would text it to the sender,
     * and whoever knows this address could read it; a leader's command is answered by an SMS of its own to
     * the leader's registered number.
     */
    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response inbound(@PathParam("secret") String given, MultivaluedMap<String, String> form) {
        secret.require(given);
        inbound.receive(SmsProvider.ELKS, form.getFirst("from"), form.getFirst("message"), ProviderIds.from(form, "id"));
        return Response.noContent().build();
    }
}
