package se.outband.messaging.inbound;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import se.outband.common.Language;
import se.outband.common.RequestLimits;
import se.outband.messaging.providers.sms.SmsGatewayProducer;

/**
 * 46elks signs nothing: its webhook addresses carry {@code outband.sms.46elks.webhook-secret} instead.
 * The secret is checked here, from the address alone, before anything reads the body: whoever does not
 * know it gets 403 and never has Outband read, parse or store a byte of what they send. The address is
 * read as the router reads it ({@code //webhooks/46%65lks/…} reaches the same resource), and the resource
 * checks the secret it was given once more.
 */
@Singleton
public class ElksSecretFilter {

    private static final Logger LOG = Logger.getLogger(ElksSecretFilter.class);
    /** Before everything, the body limits (1100) too, which take the body in before they hand the request on. */
    private static final int PRIORITY = 1200;

    private final ElksWebhookSecret secret;

    ElksSecretFilter(ElksWebhookSecret secret) {
        this.secret = secret;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        // Decoded and without dot segments (normalizedPath), and with runs of slashes as one, as routing takes them.
        String normalized = context.normalizedPath();
        String path = normalized == null ? "" : normalized.replaceAll("/{2,}", "/");
        if (!path.startsWith(SmsGatewayProducer.ELKS_WEBHOOKS)) {
            context.next();
            return;
        }
        String rest = path.substring(SmsGatewayProducer.ELKS_WEBHOOKS.length());
        String given = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (secret.opens(given)) {
            context.next();
            return;
        }
        LOG.warn("Rejected a call to a 46elks webhook without the right secret");
        RequestLimits.refuse(context, 403, new InboundRefusal.BadSignature("46elks").sentence(Language.of(context)));
    }
}
