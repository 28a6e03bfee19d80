package se.outband.messaging.providers.email;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/** The email settings: a known provider and, for SMTP, a relay to send through and a sender. */
@ApplicationScoped
public class MailSettingsCheck implements SettingsCheck {

    private static final Set<String> STARTTLS = Set.of("required", "optional", "none");

    private final MailConfig config;

    public MailSettingsCheck(MailConfig config) {
        this.config = config;
    }

    @Override
    public void check(SettingsProblems problems) {
        switch (config.provider()) {
            case "dry-run" -> {
                // Records what would be sent: nothing else to set.
            }
            case "smtp" -> {
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
                if (!STARTTLS.contains(smtp.starttls())) {
                    problems.wrong("outband.mail.smtp.starttls", smtp.starttls(), "it must be required, optional or none");
                }
            }
            default -> problems.wrong("outband.mail.provider", config.provider(), "it must be smtp or dry-run");
        }
        if (config.maxConcurrency() < 1 || config.maxConcurrency() > 100) {
            problems.wrong("outband.mail.max-concurrency", config.maxConcurrency(), "it must be between 1 and 100");
        }
    }
}
