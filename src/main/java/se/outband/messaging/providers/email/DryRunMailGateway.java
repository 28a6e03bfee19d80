package se.outband.messaging.providers.email;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import se.outband.messaging.providers.SendResult;

/** The embedded default: logs what would have been sent and reports it delivered. */
final class DryRunMailGateway implements MailGateway {

    private static final Logger LOG = Logger.getLogger(DryRunMailGateway.class);

    private final AtomicLong sent = new AtomicLong();

    @Override
    public String name() {
        return MailProvider.DRY_RUN.configValue();
    }

    @Override
    public SendResult send(OutgoingMail mail) {
        long n = sent.incrementAndGet();
        LOG.infof("DRY RUN, no email sent: to %s, subject %s", mail.to(), mail.subject());
        return new SendResult.Accepted("dry-run-email-" + n, true);
    }
}
