package se.outband.contacts;

import java.time.Instant;

/** Why a contact's mobile does not work: the provider's code, the reason in words, and when the SMS failed. */
public record FailingNumber(String code, String reason, Instant since) {
}
