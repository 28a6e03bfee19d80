package se.outband.messaging.providers.voice;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.sms.SmsProvider;

/** The embedded default, beside dry-run SMS: logs who would have been called and reports the call answered. */
final class DryRunCallGateway implements CallGateway {

    private static final Logger LOG = Logger.getLogger(DryRunCallGateway.class);

    private final AtomicLong calls = new AtomicLong();

    @Override
    public String name() {
        return SmsProvider.DRY_RUN.configValue();
    }

    @Override
    public SendResult call(long deliveryId, String to) {
        LOG.infof("DRY RUN, no call made: to %s, reading delivery %d", to, deliveryId);
        return new SendResult.Accepted("dry-run-call-" + calls.incrementAndGet(), true, name());
    }
}
