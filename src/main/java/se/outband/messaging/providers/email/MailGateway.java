package se.outband.messaging.providers.email;

import se.outband.messaging.providers.SendResult;

/** Sends one email. Implementations: {@link SmtpMailGateway} and {@link DryRunMailGateway}. */
public interface MailGateway {

    String name();

    SendResult send(OutgoingMail mail);
}
