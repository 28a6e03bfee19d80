package se.outband.messaging.providers.voice;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import se.outband.messaging.providers.sms.TwilioAccount;

/** The status hotline and calls to the people SMS cannot reach, both through Twilio. */
@ConfigMapping(prefix = "outband.voice")
public interface VoiceConfig {

    /** Twilio's name of a Swedish voice, e.g. Polly.Astrid or Google.sv-SE-Standard-A. */
    @WithDefault("Polly.Astrid")
    String voice();

    /** Where 9 on the hotline connects the caller: the crisis team's duty phone. None: 9 is not offered. */
    Optional<String> forwardTo();

    /**
     * The Twilio number calls come from. None: {@code outband.sms.twilio.from} when that is a number;
     * without either, nobody is called.
     */
    Optional<@Pattern(regexp = TwilioAccount.PHONE_NUMBER, message = "calls need a phone number, e.g. +46766861004") String> from();

    /** A call nobody answered (or a busy line) is made once more after this long; then email takes over. */
    @WithDefault("PT10M")
    @DurationMin(nanos = 0, inclusive = false, message = "it must be a positive duration, e.g. PT10M")
    Duration retryAfter();

    /** Calls started per second: Twilio allows one per account unless it has raised the limit. */
    @WithDefault("1")
    @DecimalMin(value = "0", inclusive = false, message = "it must be above 0 (0 would stall all calls) and at most 100")
    @DecimalMax(value = "100", message = "it must be above 0 (0 would stall all calls) and at most 100")
    double callsPerSecond();
}
