package se.outband.messaging.providers.email;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Chooses the mail gateway from {@code outband.mail.provider} at start. */
public class MailGatewayProducer {

    @Produces
    @Singleton
    MailGateway mailGateway(MailConfig config, Clock clock, @Location("email/bulletin.html") Template html) {
        return switch (config.provider()) {
            case SMTP -> new SmtpMailGateway(config.smtp(), clock, html);
            case DRY_RUN -> new DryRunMailGateway();
        };
    }
}
