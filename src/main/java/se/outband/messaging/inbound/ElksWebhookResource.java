package se.outband.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import se.outband.common.Refused;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.sms.SmsGatewayProducer;

/**
 * 46elks' calls to Outband: delivery reports ({@code whendelivered}) and incoming SMS (the number's
 * {@code sms_url}). 46elks signs nothing, so both addresses carry {@code outband.sms.46elks.webhook-secret};
 * a call with any other secret gets 403 and changes nothing.
 */
// No sign-in: 46elks calls it, and the secret in the address is checked instead.
@PermitAll
@Path(SmsGatewayProducer.ELKS_WEBHOOKS + "{secret}")
public class ElksWebhookResource {

    private static final Logger LOG = Logger.getLogger(ElksWebhookResource.class);

    private final byte[] secret;
    private final ProviderReports reports;
    private final InboundSms inbound;

    ElksWebhookResource(SmsConfig config, ProviderReports reports, InboundSms inbound) {
        this.inbound = inbound;
        this.secret = config.elks().webhookSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
        this.reports = reports;
    }

    /** {@code id}, {@code status} (sent, delivered, failed), {@code delivered}. */
    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("secret") String given, MultivaluedMap<String, String> form) {
        verify(given);
        String status = form.getFirst("status");
        reports.providerStatus(ProviderIds.from(form, "id"), status == null ? "" : status, "failed".equals(status) ? "46elks-failed" : null);
        return Response.noContent().build();
    }

    /**
     * {@code id}, {@code from}, {@code to}, {@code message}. 46elks texts any answer body back to the
     * sender: a leader's command gets its answer that way; anything else gets no body, since Outband
     * never texts staff back by itself.
     */
    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response inbound(@PathParam("secret") String given, MultivaluedMap<String, String> form) {
        verify(given);
        return inbound.receive(form.getFirst("from"), form.getFirst("message"), ProviderIds.from(form, "id"))
                .map(answer -> Response.ok(answer.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build())
                .orElse(Response.noContent().build());
    }

    /** Constant time: how long a wrong secret takes to refuse says nothing about how much of it was right. */
    private void verify(String given) {
        if (secret == null || given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Rejected a call to a 46elks webhook without the right secret");
            throw new Refused(new InboundRefusal.BadSignature("46elks"));
        }
    }
}
