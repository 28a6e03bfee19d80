package se.outband.messaging.bulletins;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import se.outband.common.Language;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.DeliveryState;
import se.outband.messaging.providers.sms.FailoverSmsGateway;

/** A bulletin and how far it has got: what GET /api/bulletins/{id} answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulletinProgress(
        long id,
        Instant createdAt,
        String createdBy,
        String text,
        String message,
        String channels,
        boolean drill,
        List<String> replyOptions,
        String audience,
        int recipients,
        int smsSegments,
        String encoding,
        BigDecimal estimatedCost,
        String currency,
        /** channel → state → number of deliveries, e.g. {"sms": {"DELIVERED": 40, "QUEUED": 2}}. */
        Map<String, Map<String, Long>> deliveries,
        long reached,
        long failed,
        long pending,
        long fellBackToEmail,
        int percentReached,
        Long secondsTo50Percent,
        Long secondsTo90Percent,
        Long estimatedSecondsToComplete,
        String lastError,
        Map<String, String> providers,
        /** A sentence, filled in by {@link #explained} for whoever asked. */
        String dryRunNotice,
        /** SMS per provider and state: which provider sent what, when a second one took over. */
        Map<String, Map<String, Long>> smsByProvider,
        /** Each SMS provider now: sending, standing by, or failing since when. */
        List<FailoverSmsGateway.ProviderView> smsProviders,
        @JsonIgnore List<Channel> dryRunChannels) {

    /** With its notice in words, in {@code language}. */
    public BulletinProgress explained(Language language) {
        return new BulletinProgress(id, createdAt, createdBy, text, message, channels, drill, replyOptions, audience, recipients, smsSegments,
                encoding, estimatedCost, currency, deliveries, reached, failed, pending, fellBackToEmail, percentReached, secondsTo50Percent,
                secondsTo90Percent, estimatedSecondsToComplete, lastError, providers,
                BulletinPreview.dryRunNotice(dryRunChannels, language.messages(MessagingMessages.class)), smsByProvider, smsProviders,
                dryRunChannels);
    }

    /** Calls made to people SMS cannot reach, and how many of them were answered. */
    public long calls() {
        return deliveries.getOrDefault(Channel.VOICE.key(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long callsAnswered() {
        return deliveries.getOrDefault(Channel.VOICE.key(), Map.of()).getOrDefault(DeliveryState.DELIVERED.name(), 0L);
    }

    /** SMS per provider, all states together, e.g. {"46elks": 30, "twilio": 12}. */
    public Map<String, Long> smsTotalsByProvider() {
        Map<String, Long> totals = new TreeMap<>();
        smsByProvider.forEach((provider, states) -> totals.put(provider, states.values().stream().mapToLong(Long::longValue).sum()));
        return totals;
    }
}
