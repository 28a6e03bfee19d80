package se.outband.common;

import java.time.Instant;

/**
 * An SMS of Outband's own (not a bulletin's: a subscription's confirmation or notice, an answer, a link) that the
 * provider says cannot reach its number: no such number, not a mobile, or 46elks' "failed", which gives no reason.
 * Fired by messaging in the transaction that records the failure; here, below both, so the public's subscriptions
 * hear it without knowing messaging.
 */
public record UnreachableNumber(String mobile, String code, Instant at) {
}
