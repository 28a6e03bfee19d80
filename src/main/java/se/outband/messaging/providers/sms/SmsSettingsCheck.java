package se.outband.messaging.providers.sms;

import java.util.List;
import java.util.Set;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/** The SMS settings: each chosen provider with what it needs, and limits that let sending go on. */
public class SmsSettingsCheck implements SettingsCheck {

    /** Long enough that guessing the webhook address is hopeless. */
    static final int MIN_SECRET = 32;

    private final SmsConfig config;

    public SmsSettingsCheck(SmsConfig config) {
        this.config = config;
    }

    @Override
    public void check(SettingsProblems problems) {
        String key = config.providers().filter(list -> !list.isEmpty()).isPresent() ? "outband.sms.providers" : "outband.sms.provider";
        List<SmsProvider> order = config.providerOrder();
        if (order.size() != Set.copyOf(order).size()) {
            problems.wrong(key, String.join(",", order.stream().map(SmsProvider::configValue).toList()), "each provider may be named once");
        }
        for (SmsProvider provider : order.stream().distinct().toList()) {
            switch (provider) {
                case TWILIO -> twilio(problems);
                case ELKS -> elks(problems);
                case DRY_RUN -> {
                    // Records what would be sent: nothing else to set.
                }
            }
        }
        if (config.maxConcurrency() < 1 || config.maxConcurrency() > 500) {
            problems.wrong("outband.sms.max-concurrency", config.maxConcurrency(), "it must be between 1 and 500");
        }
        if (!(config.ratePerSecond() > 0) || config.ratePerSecond() > 10_000) {
            problems.wrong("outband.sms.rate-per-second", config.ratePerSecond(),
                    "it must be above 0 (0 would stall all sending) and at most 10000");
        }
        config.elks().ratePerSecond().ifPresent(rate -> {
            if (!(rate > 0) || rate > 10_000) {
                problems.wrong("outband.sms.46elks.rate-per-second", rate, "it must be above 0 and at most 10000");
            }
        });
        config.elks().maxConcurrency().ifPresent(concurrency -> {
            if (concurrency < 1 || concurrency > 500) {
                problems.wrong("outband.sms.46elks.max-concurrency", concurrency, "it must be between 1 and 500");
            }
        });
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

    private void twilio(SettingsProblems problems) {
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

    private void elks(SettingsProblems problems) {
        SmsConfig.Elks elks = config.elks();
        if (elks.username().filter(s -> !s.isBlank()).isEmpty()) {
            problems.missing("outband.sms.46elks.username", "46elks' API username (u…) is needed to send SMS with 46elks");
        }
        if (elks.password().filter(s -> !s.isBlank()).isEmpty()) {
            problems.missing("outband.sms.46elks.password", "46elks' API password is needed to send SMS with 46elks");
        }
        if (elks.from().filter(s -> !s.isBlank()).isEmpty()) {
            problems.missing("outband.sms.46elks.from", "who the SMS come from: a 46elks number (replies need one) or a name of at most 11 letters");
        }
        String why = "46elks signs nothing, so its webhook addresses carry this secret: at least " + MIN_SECRET
                + " letters, digits, - or _ (e.g. from openssl rand -hex 24)";
        elks.webhookSecret().ifPresentOrElse(secret -> {
            if (secret.length() < MIN_SECRET || !secret.matches("[A-Za-z0-9_-]+")) {
                // The secret itself is never repeated: the report goes to logs.
                problems.wrong("outband.sms.46elks.webhook-secret", "(" + secret.length() + " characters)", why);
            }
        }, () -> problems.missing("outband.sms.46elks.webhook-secret", why));
    }
}
