package se.outband.messaging.bulletins;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import se.outband.common.Language;
import se.outband.messaging.outbox.Channel;

/**
 * What a bulletin will cost and reach: the answer to a dry run, and (with {@code id}) to a send.
 * {@code encodingNote} says which character forced UCS-2 and what that costs; it and {@code dryRunNotice}
 * are sentences, filled in by {@link #explained} for whoever asked.
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
        String dryRunNotice,
        @JsonIgnore List<Channel> dryRunChannels) {

    /** With its notes in words, in {@code language}. */
    public BulletinPreview explained(Language language) {
        MessagingMessages messages = language.messages(MessagingMessages.class);
        return new BulletinPreview(id, message, recipients, smsMessages, emailMessages, voiceCalls, unreachable, characters, smsSegments,
                encoding, ucs2Character, ucs2Character == null ? null : messages.ucs2Character(ucs2Character), estimatedCost, currency, drill,
                dryRunNotice(dryRunChannels, messages), dryRunChannels);
    }

    /** "dry run" wherever it shows: null when every channel sends for real. */
    static String dryRunNotice(List<Channel> channels, MessagingMessages messages) {
        if (channels.isEmpty()) {
            return null;
        }
        List<String> names = channels.stream().map(channel -> channel == Channel.SMS ? "SMS" : messages.emailChannel()).toList();
        String last = names.get(names.size() - 1);
        return messages.dryRunNotice(names.size() == 1 ? last
                : String.join(", ", names.subList(0, names.size() - 1)) + " " + messages.and() + " " + last);
    }
}
