package se.outband.messaging.sms;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/** The SMS settings: a known provider with what it needs, and limits that let sending go on. */
@ApplicationScoped
public class SmsSettingsCheck implements SettingsCheck {

    private final SmsConfig config;

    public SmsSettingsCheck(SmsConfig config) {
        this.config = config;
    }

    @Override
    public void check(SettingsProblems problems) {
        switch (config.provider()) {
            case "dry-run" -> {
                // Records what would be sent: nothing else to set.
            }
            case "twilio" -> {
                SmsConfig.Twilio twilio = config.twilio();
                if (twilio.accountSid().filter(s -> !s.isBlank()).isEmpty()) {
                    problems.missing("outband.sms.twilio.account-sid", "Twilio's account SID (AC…) is needed to send SMS with Twilio");
                }
                if (twilio.authToken().filter(s -> !s.isBlank()).isEmpty()) {
                    problems.missing("outband.sms.twilio.auth-token", "Twilio's auth token is needed to send SMS and to check Twilio's webhooks");
                }
                if (twilio.messagingServiceSid().filter(s -> !s.isBlank()).isEmpty() && twilio.from().filter(s -> !s.isBlank()).isEmpty()) {
                    problems.missing("outband.sms.twilio.messaging-service-sid",
                            "set it (preferred) or " + SettingsProblems.environmentVariable("outband.sms.twilio.from") + ": who the SMS come from");
                }
            }
            default -> problems.wrong("outband.sms.provider", config.provider(), "it must be twilio or dry-run");
        }
        if (config.maxConcurrency() < 1 || config.maxConcurrency() > 500) {
            problems.wrong("outband.sms.max-concurrency", config.maxConcurrency(), "it must be between 1 and 500");
        }
        if (!(config.ratePerSecond() > 0) || config.ratePerSecond() > 10_000) {
            problems.wrong("outband.sms.rate-per-second", config.ratePerSecond(),
                    "it must be above 0 (0 would stall all sending) and at most 10000");
        }
        SmsConfig.Retry retry = config.retry();
        if (retry.initialBackoff().isNegative() || retry.initialBackoff().isZero()) {
            problems.wrong("outband.sms.retry.initial-backoff", retry.initialBackoff(), "it must be a positive duration, e.g. PT2S");
        }
        if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            problems.wrong("outband.sms.retry.max-backoff", retry.maxBackoff(), "it must not be shorter than the initial backoff");
        }
        if (retry.giveUpAfter().isNegative() || retry.giveUpAfter().isZero()) {
            problems.wrong("outband.sms.retry.give-up-after", retry.giveUpAfter(), "it must be a positive duration, e.g. PT24H");
        }
    }
}
