package se.outband.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import se.outband.common.Language;
import se.outband.common.RequestLimits;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.sms.SmsGatewayProducer;

/**
 * 46elks signs nothing: its webhook addresses carry {@code outband.sms.46elks.webhook-secret} instead.
 * The secret is checked here, from the address alone, before anything reads the body: whoever does not
 * know it gets 403 and never has Outband read, parse or store a byte of what they send.
 */
@Singleton
public class ElksSecretFilter {

    private static final Logger LOG = Logger.getLogger(ElksSecretFilter.class);
    /** Before everything, the body limits (1100) too, which take the body in before they hand the request on. */
    private static final int PRIORITY = 1200;

    private final byte[] secret;

    ElksSecretFilter(SmsConfig config) {
        this.secret = config.elks().webhookSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        String path = context.request().path();
        if (!path.startsWith(SmsGatewayProducer.ELKS_WEBHOOKS)) {
            context.next();
            return;
        }
        String rest = path.substring(SmsGatewayProducer.ELKS_WEBHOOKS.length());
        String given = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (matches(given)) {
            context.next();
            return;
        }
        LOG.warn("Rejected a call to a 46elks webhook without the right secret");
        RequestLimits.refuse(context, 403, new InboundRefusal.BadSignature("46elks").sentence(Language.of(context)));
    }

    /** Constant time: how long a wrong secret takes to refuse says nothing about how much of it was right. */
    private boolean matches(String given) {
        return secret != null && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }
}
