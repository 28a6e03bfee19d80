package se.outband.messaging.providers.voice;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
    Optional<String> from();

    /** A call nobody answered (or a busy line) is made once more after this long; then email takes over. */
    @WithDefault("PT10M")
    Duration retryAfter();

    /** Calls started per second: Twilio allows one per account unless it has raised the limit. */
    @WithDefault("1")
    double callsPerSecond();
}
