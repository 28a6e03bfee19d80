package se.outband.messaging.bulletins;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import se.outband.messaging.outbox.Channel;

/**
 * What became of one recipient of a bulletin, read from the outbox's delivery rows and the replies:
 * the unit of a reach report.
 *
 * @param channelsTried in the order they were tried
 * @param provider the provider of the delivery that reached them, else of the last one tried
 * @param failureCode why the last delivery tried failed (a provider's error code), when nothing reached them
 * @param answer the option of their latest reply, null when it matched none or there is none
 * @param answeredAt when their first reply came
 */
record RecipientReach(String contactId, String name, String unit, List<String> groups, List<Channel> channelsTried,
        String provider, Outcome outcome, Channel reachedBy, String failureCode, Instant reachedAt, boolean replied,
        String answer, Instant answeredAt) {

    enum Outcome {
        REACHED, FAILED, UNDER_WAY, NOT_TRIED
    }

    boolean reached() {
        return outcome == Outcome.REACHED;
    }

    /** Reached no later than {@code within} after {@code sentAt}. */
    boolean reachedWithin(Instant sentAt, Duration within) {
        return reached() && !reachedAt.isAfter(sentAt.plus(within));
    }
}
