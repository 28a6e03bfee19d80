package se.outband.messaging.bulletins;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a bulletin will cost and reach: the answer to a dry run, and (with {@code id}) to a send.
 * {@code encodingNote} says which character forced UCS-2 and what that costs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulletinPreview(
        Long id,
        String message,
        int recipients,
        int smsMessages,
        int emailMessages,
        /** People called because their number cannot take SMS. */
        int voiceCalls,
        int unreachable,
        int characters,
        int smsSegments,
        String encoding,
        String ucs2Character,
        String encodingNote,
        BigDecimal estimatedCost,
        String currency,
        boolean drill,
        String dryRunNotice) {
}
