package se.outband.messaging;

/** What a provider said to one message. */
public sealed interface SendResult {

    /** Taken by the provider; {@code reached} when nothing further will be heard (dry run, mail relay). */
    record Accepted(String providerId, boolean reached) implements SendResult {
    }

    /** Not taken now (rate limit, provider error, network): try again later. */
    record Retry(String error) implements SendResult {
    }

    /** Will never be taken (invalid number, opted out, mailbox does not exist). */
    record Failed(String code, String error) implements SendResult {
    }
}
