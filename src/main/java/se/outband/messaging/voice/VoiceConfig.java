package se.outband.messaging.voice;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The status hotline through Twilio. */
@ConfigMapping(prefix = "outband.voice")
public interface VoiceConfig {

    /** Twilio's name of a Swedish voice, e.g. Polly.Astrid or Google.sv-SE-Standard-A. */
    String voice();

    /** Where 9 on the hotline connects the caller: the crisis team's duty phone. None: 9 is not offered. */
    Optional<String> forwardTo();
}
