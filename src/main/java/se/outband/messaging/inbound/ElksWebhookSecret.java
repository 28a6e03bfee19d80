package se.outband.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.inject.Singleton;

import se.outband.common.Refused;
import se.outband.messaging.providers.sms.SmsConfig;

/**
 * {@code outband.sms.46elks.webhook-secret}, which 46elks' calls carry in their address because 46elks
 * signs nothing. Without it configured, no call opens.
 */
@Singleton
class ElksWebhookSecret {

    private final byte[] secret;

    ElksWebhookSecret(SmsConfig config) {
        this.secret = config.elks().webhookSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** Constant time: how long a wrong secret takes to refuse says nothing about how much of it was right. */
    boolean opens(String given) {
        return secret != null && given != null && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses with 403 unless {@code given} is the secret. */
    void require(String given) {
        if (!opens(given)) {
            throw new Refused(new InboundRefusal.BadSignature("46elks"));
        }
    }
}
