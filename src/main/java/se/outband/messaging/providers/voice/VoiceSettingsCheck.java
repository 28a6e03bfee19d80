package se.outband.messaging.providers.voice;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;
import se.outband.messaging.providers.sms.TwilioAccount;

/** The call settings: a number to call from, and a pace and retry that let calls go on. */
public class VoiceSettingsCheck implements SettingsCheck {

    private final VoiceConfig config;

    public VoiceSettingsCheck(VoiceConfig config) {
        this.config = config;
    }

    @Override
    public void check(SettingsProblems problems) {
        config.from().ifPresent(from -> {
            if (!TwilioAccount.isPhoneNumber(from)) {
                problems.wrong("outband.voice.from", from, "calls need a phone number, e.g. +46766861004");
            }
        });
        if (!(config.callsPerSecond() > 0) || config.callsPerSecond() > 100) {
            problems.wrong("outband.voice.calls-per-second", config.callsPerSecond(), "it must be above 0 (0 would stall all calls) and at most 100");
        }
        if (config.retryAfter().isNegative() || config.retryAfter().isZero()) {
            problems.wrong("outband.voice.retry-after", config.retryAfter(), "it must be a positive duration, e.g. PT10M");
        }
    }
}
