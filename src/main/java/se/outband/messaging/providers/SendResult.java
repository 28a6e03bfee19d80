package se.outband.messaging.providers;

/** What a provider said to one message. */
public sealed interface SendResult {

    /** This result as {@code provider}'s: an acceptance or refusal names who gave it (a retry has nobody to name). */
    static SendResult via(SendResult result, String provider) {
        if (result instanceof Accepted accepted) {
            return accepted.via(provider);
        }
        return result instanceof Failed failed ? failed.via(provider) : result;
    }

    /**
     * Taken by {@code provider} (null: the channel's only one); {@code reached} when nothing further
     * will be heard (dry run, mail relay).
     */
    record Accepted(String providerId, boolean reached, String provider) implements SendResult {
        public Accepted(String providerId, boolean reached) {
            this(providerId, reached, null);
        }

        public Accepted via(String name) {
            return new Accepted(providerId, reached, name);
        }
    }

    /** Not taken now: try again later, through another provider when the trouble is the provider's. */
    record Retry(String error, Trouble trouble) implements SendResult {
        /** Outband's own trouble (stopping, an unexpected error): no provider is to blame. */
        public Retry(String error) {
            this(error, Trouble.OUTBAND);
        }
    }

    /** Whose trouble a retry is: a down or misconfigured provider sends the next message elsewhere, a throttling one only if it lasts. */
    enum Trouble {
        PROVIDER_DOWN, THROTTLED, OUTBAND
    }

    /** Will never be taken (invalid number, opted out, mailbox does not exist); {@code provider} said so. */
    record Failed(String code, String error, String provider) implements SendResult {
        public Failed(String code, String error) {
            this(code, error, null);
        }

        public Failed via(String name) {
            return new Failed(code, error, name);
        }
    }
}
