package se.outband.messaging.providers.email;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/** The email settings: for SMTP, a relay to send through and a sender, and limits that let sending go on. */
public class MailSettingsCheck implements SettingsCheck {

    private final MailConfig config;

    public MailSettingsCheck(MailConfig config) {
        this.config = config;
    }

    @Override
    public void check(SettingsProblems problems) {
        switch (config.provider()) {
            case DRY_RUN -> {
                // Records what would be sent: nothing else to set.
            }
            case SMTP -> {
                MailConfig.Smtp smtp = config.smtp();
                if (smtp.host().filter(h -> !h.isBlank()).isEmpty()) {
                    problems.missing("outband.mail.smtp.host", "the external SMTP relay to send email through");
                }
                if (smtp.from().filter(f -> !f.isBlank()).isEmpty()) {
                    problems.missing("outband.mail.smtp.from", "the sender of Outband's email, e.g. Kommunen <kris@example.net>");
                }
                if (smtp.port() < 1 || smtp.port() > 65535) {
                    problems.wrong("outband.mail.smtp.port", smtp.port(), "it must be a port number, usually 587");
                }
            }
        }
        if (config.maxConcurrency() < 1 || config.maxConcurrency() > 100) {
            problems.wrong("outband.mail.max-concurrency", config.maxConcurrency(), "it must be between 1 and 100");
        }
    }
}
