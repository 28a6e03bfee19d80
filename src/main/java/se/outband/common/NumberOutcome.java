package se.outband.common;

import java.time.Instant;

/**
 * What the last SMS to a mobile number showed about the number, fired by messaging in the transaction that
 * records it: {@code failureCode} is the provider's reason it failed for good or was reported undelivered (no such
 * number, not a mobile, unreachable), null when it arrived. Here, below both, so the contact list can hear it
 * without knowing messaging.
 */
public record NumberOutcome(String mobile, String failureCode, Instant at) {

    public boolean works() {
        return failureCode == null;
    }
}
