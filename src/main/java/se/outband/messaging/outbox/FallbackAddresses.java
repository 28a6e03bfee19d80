package se.outband.messaging.outbox;

import java.util.Optional;

/** Where someone a message did not reach gets it by email instead: asked of the feature that queued it (bulletins). */
public interface FallbackAddresses {

    /** The email address to send {@code failed}'s message to, empty when its sender chose no email fallback or there is none. */
    Optional<String> email(Delivery failed);
}
