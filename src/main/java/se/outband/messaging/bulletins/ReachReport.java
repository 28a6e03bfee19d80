package se.outband.messaging.bulletins;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How well a bulletin reached its recipients, for the after-action review of a drill or an event: the
 * body of GET /api/bulletins/{id}/report. Shares are per cent of all recipients, times are seconds
 * from when the bulletin was sent.
 *
 * @param reachedWithin per "1m", "5m", "15m" and "60m": how many were reached that soon, and their share
 * @param timeTo per "50", "90" and "99" (per cent of recipients): seconds until that many were reached, null if they never were
 * @param curve the share reached after each minute until the last person was reached (the reach curve)
 * @param escalation the escalation steps and what each found and did
 */
public record ReachReport(long id, Instant sentAt, boolean drill, String text, int recipients, long reached, long failed,
        long underWay, Map<String, Share> reachedWithin, Map<String, Long> timeTo, List<Breakdown> byChannel,
        List<Breakdown> byGroup, List<Breakdown> byUnit, List<Failure> failures, Failovers failovers, Answers replies,
        List<Unreached> neverReached, List<Share> curve, List<EscalationView> escalation) {

    /** {@code percent} with one decimal. */
    public record Share(long reached, double percent) {
    }

    /**
     * One channel, group or unit: its recipients (for a channel, those it was tried for), how many it
     * reached in all and within 15 minutes, and how many answered.
     */
    public record Breakdown(String name, long recipients, long reached, long reachedWithin15m, double percentWithin15m,
            long answered) {
    }

    /** Deliveries that failed for one reason, said in words. */
    public record Failure(String channel, String code, String reason, long deliveries) {
    }

    /**
     * {@code toProvider}: SMS sent by a provider other than the first one configured (it had failed);
     * {@code toChannel}: messages sent on another channel because the first did not reach the person.
     */
    public record Failovers(String firstProvider, Map<String, Long> toProvider, Map<String, Long> toChannel) {
    }

    /**
     * The tally counts each person's latest answer; times are from the bulletin to each person's first reply.
     */
    public record Answers(List<String> options, Map<String, Long> tally, long unrecognised, long answered, long noAnswer,
            double percentAnswered, Long medianSecondsToAnswer, Map<String, Share> answeredWithin) {
    }

    public record Unreached(String contactId, String name, String unit, String outcome) {
    }
}
