package se.outband.messaging.providers.sms;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import se.outband.common.Text;
import se.outband.messaging.providers.SendResult;

/** The embedded default: logs what would have been sent and reports it delivered. Nothing leaves the machine. */
final class DryRunSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(DryRunSmsGateway.class);

    private final AtomicLong sent = new AtomicLong();

    @Override
    public String name() {
        return SmsProvider.DRY_RUN.configValue();
    }

    @Override
    public SendResult send(String to, String body) {
        long n = sent.incrementAndGet();
        // On one line: a line break in a bulletin must not start a log line of its own.
        LOG.infof("DRY RUN, no SMS sent: to %s: %s", to, Text.oneLine(body));
        return new SendResult.Accepted("dry-run-sms-" + n, true);
    }
}
