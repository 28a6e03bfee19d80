package se.outband.messaging.bulletins;

import java.time.Instant;

/** One delivery as GET /api/bulletins/{id}/deliveries lists it. */
public record DeliveryView(
        long id,
        String contactId,
        String name,
        String channel,
        String address,
        String state,
        int attempts,
        /** The SMS provider that took or refused it: twilio, 46elks, dry-run (null for email and before sending). */
        String provider,
        String providerId,
        String errorCode,
        String lastError,
        Long fallbackOf,
        Instant updatedAt) {
}
