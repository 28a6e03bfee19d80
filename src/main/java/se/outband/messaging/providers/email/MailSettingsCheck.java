package se.outband.messaging.providers.email;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/** What spans several email settings: SMTP needs a relay to send through and a sender. */
public class MailSettingsCheck implements SettingsCheck {

    private final MailConfig config;

    public MailSettingsCheck(MailConfig config) {
        this.config = config;
    }

    @Override
    public void check(SettingsProblems problems) {
        if (config.provider() == MailProvider.SMTP) {
            MailConfig.Smtp smtp = config.smtp();
            if (smtp.host().filter(h -> !h.isBlank()).isEmpty()) {
                problems.missing("outband.mail.smtp.host", "the external SMTP relay to send email through");
            }
            if (smtp.from().filter(f -> !f.isBlank()).isEmpty()) {
                problems.missing("outband.mail.smtp.from", "the sender of Outband's email, e.g. Kommunen <kris@example.net>");
            }
        }
    }
}
