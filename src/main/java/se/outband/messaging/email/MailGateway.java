package se.outband.messaging.email;

import se.outband.messaging.SendResult;

/** Sends one email. Implementations: {@link SmtpMailGateway} and {@link DryRunMailGateway}. */
public interface MailGateway {

    String name();

    SendResult send(OutgoingMail mail);
}
