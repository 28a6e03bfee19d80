package se.outband.messaging.providers.email;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import se.outband.common.Text;
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
        // The text too, on one line: whoever tries Outband follows a confirmation link from here, and a line
        // break in a bulletin must not start a log line of its own.
        LOG.infof("DRY RUN, no email sent: to %s, subject %s: %s", mail.to(), mail.subject(), Text.oneLine(mail.text()));
        return new SendResult.Accepted("dry-run-email-" + n, true);
    }
}
