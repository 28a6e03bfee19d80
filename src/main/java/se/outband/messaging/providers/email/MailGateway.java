package se.outband.messaging.providers.email;

import se.outband.messaging.providers.SendResult;

/** Sends one email. Implementations: {@link SmtpMailGateway} and {@link DryRunMailGateway}. */
public interface MailGateway {

    /** Shown wherever deliveries are listed: a {@link MailProvider}'s config value. */
    String name();

    /** Whether nothing leaves the machine. */
    default boolean dryRun() {
        return MailProvider.DRY_RUN.configValue().equals(name());
    }

    SendResult send(OutgoingMail mail);
}
