package se.outband.messaging.providers.sms;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import se.outband.common.Secret;

@ConfigMapping(prefix = "outband.sms")
public interface SmsConfig {

    /** {@code twilio}, {@code 46elks} or {@code dry-run}: the provider when {@link #providers()} is not set. */
    @WithDefault("dry-run")
    @WithConverter(SmsProvider.Converter.class)
    SmsProvider provider();

    /**
     * Providers in order of preference, e.g. {@code twilio,46elks}: the first that is healthy sends,
     * the next takes over while it is not.
     */
    Optional<List<@WithConverter(SmsProvider.Converter.class) SmsProvider>> providers();

    /** What is used: {@link #providers()}, or the one {@link #provider()}. */
    default List<SmsProvider> providerOrder() {
        return providers().filter(list -> !list.isEmpty()).orElse(List.of(provider()));
    }

    Twilio twilio();

    @WithName("46elks")
    Elks elks();

    /** SMS sent at the same time (and the size of the HTTP connection pool to the provider). */
    @WithDefault("20")
    @Min(value = 1, message = "it must be between 1 and 500")
    @Max(value = 500, message = "it must be between 1 and 500")
    int maxConcurrency();

    /** SMS segments per second: Twilio allows 10 per sender outside North America, more with a Messaging Service. */
    @WithDefault("10")
    @DecimalMin(value = "0", inclusive = false, message = "it must be above 0 (0 would stall all sending) and at most 10000")
    @DecimalMax(value = "10000", message = "it must be above 0 (0 would stall all sending) and at most 10000")
    double ratePerSecond();

    /** For the cost estimate in the preview: Twilio's, and any provider's without a price of its own. */
    @WithDefault("0.60")
    BigDecimal pricePerSegment();

    /** What one segment costs through the provider named {@code provider} as stored on deliveries (null: the first in order). */
    default BigDecimal pricePerSegment(String provider) {
        String name = provider == null ? providerOrder().get(0).configValue() : provider;
        return SmsProvider.ELKS.configValue().equals(name) ? elks().pricePerSegment().orElse(pricePerSegment()) : pricePerSegment();
    }

    @WithDefault("SEK")
    String currency();

    Retry retry();

    interface Twilio {
        Optional<String> accountSid();

        Optional<String> authToken();

        /** Preferred sender: a Messaging Service (its own number pool and higher rate). */
        Optional<String> messagingServiceSid();

        /** Otherwise a number or an alphanumeric sender id, e.g. "Kommunen". */
        Optional<String> from();

        /** Base URL of the Twilio REST API; tests point it at a fake. */
        @WithDefault("https://api.twilio.com")
        String apiUrl();
    }

    /** 46elks (Swedish SMS API, servers in Sweden): its limits default to the ones above. */
    interface Elks {

        /** Long enough that guessing the webhook address is hopeless. */
        int MIN_SECRET = 32;

        String SECRET_RULE = "46elks signs nothing, so its webhook addresses carry this secret: at least " + MIN_SECRET
                + " letters, digits, - or _ (e.g. from openssl rand -hex 24)";

        Optional<String> username();

        Optional<String> password();

        /** A number or an alphanumeric sender id (up to 11 characters). */
        Optional<String> from();

        @WithDefault("https://api.46elks.com/a1")
        String apiUrl();

        /** 46elks signs nothing: its webhook addresses carry this secret instead. */
        @Secret
        Optional<@Pattern(regexp = "[A-Za-z0-9_-]{" + MIN_SECRET + ",}", message = SECRET_RULE) String> webhookSecret();

        @DecimalMin(value = "0", inclusive = false, message = "it must be above 0 and at most 10000")
        @DecimalMax(value = "10000", message = "it must be above 0 and at most 10000")
        OptionalDouble ratePerSecond();

        @Min(value = 1, message = "it must be between 1 and 500")
        @Max(value = 500, message = "it must be between 1 and 500")
        OptionalInt maxConcurrency();

        Optional<BigDecimal> pricePerSegment();
    }

    interface Retry {
        /** Wait before the first retry; it doubles each time, with jitter, up to {@link #maxBackoff()}. */
        @WithDefault("PT2S")
        @DurationMin(nanos = 0, inclusive = false, message = "it must be a positive duration, e.g. PT2S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** A message still not accepted after this long is given up (and falls back to email if chosen). */
        @WithDefault("PT24H")
        @DurationMin(nanos = 0, inclusive = false, message = "it must be a positive duration, e.g. PT24H")
        Duration giveUpAfter();
    }
}
