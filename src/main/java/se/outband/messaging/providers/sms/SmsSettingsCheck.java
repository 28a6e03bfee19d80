package se.outband.messaging.providers.sms;

import java.util.List;
import java.util.Set;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/**
 * What spans several SMS settings: each chosen provider named once and set up with what it needs, and
 * retries that grow. Values on their own are checked where {@link SmsConfig} declares them.
 */
public class SmsSettingsCheck implements SettingsCheck {

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
        SmsConfig.Retry retry = config.retry();
        if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            problems.wrong("outband.sms.retry.max-backoff", retry.maxBackoff(), "it must not be shorter than the initial backoff");
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
        if (elks.webhookSecret().isEmpty()) {
            problems.missing("outband.sms.46elks.webhook-secret", SmsConfig.Elks.SECRET_RULE);
        }
    }
}
