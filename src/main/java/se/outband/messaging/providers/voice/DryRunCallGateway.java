package se.outband.messaging.providers.voice;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.sms.SmsProvider;

/** The embedded default, beside dry-run SMS: logs who would have been called and reports the call answered. */
final class DryRunCallGateway implements CallGateway {

    private static final Logger LOG = Logger.getLogger(DryRunCallGateway.class);

    private final AtomicLong calls = new AtomicLong();
    private final Optional<String> number;

    DryRunCallGateway(Optional<String> number) {
        this.number = number;
    }

    @Override
    public String name() {
        return SmsProvider.DRY_RUN.configValue();
    }

    @Override
    public SendResult call(String to, String answered, String status) {
        LOG.infof("DRY RUN, no call made: to %s, answered by %s", to, answered);
        return new SendResult.Accepted("dry-run-call-" + calls.incrementAndGet(), true, name());
    }

    @Override
    public SendResult endConference(String conferenceSid) {
        LOG.infof("DRY RUN, no conference ended: %s", conferenceSid);
        return new SendResult.Accepted(conferenceSid, true, name());
    }

    @Override
    public Optional<String> number() {
        return number;
    }
}
