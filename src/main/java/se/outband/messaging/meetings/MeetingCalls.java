package se.outband.messaging.meetings;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.voice.CallGateway;

/**
 * Places a meeting's calls once the rows that say who is called have committed: off the leader's request,
 * since the gateway paces calls at {@code outband.voice.calls-per-second} and 50 of them take a while.
 */
@ApplicationScoped
class MeetingCalls {

    private static final Logger LOG = Logger.getLogger(MeetingCalls.class);

    /** People of a meeting whose rows now say CALLING. */
    record Due(List<Long> people) {
    }

    private final CallGateway calls;
    private final ManagedExecutor executor;
    private final Clock clock;

    MeetingCalls(CallGateway calls, ManagedExecutor executor, Clock clock) {
        this.calls = calls;
        this.executor = executor;
        this.clock = clock;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        executor.execute(() -> due.people().forEach(this::call));
    }

    private void call(long personId) {
        try {
            MeetingPerson person = QuarkusTransaction.requiringNew().call(() -> MeetingPerson.findById(personId));
            String path = MeetingPaths.person(personId);
            SendResult result = calls.call(person.phone, path, path + "/status");
            QuarkusTransaction.requiringNew().run(() -> record(personId, result));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not call meeting participant %d", personId);
            QuarkusTransaction.requiringNew().run(() -> record(personId, new SendResult.Retry(e.getMessage())));
        }
    }

    /** Twilio's id of the call, to know its reports by; a call that could not be placed counts as not answered. */
    private void record(long personId, SendResult result) {
        MeetingPerson person = MeetingPerson.findById(personId);
        if (person.state != MeetingPerson.State.CALLING) {
            return;
        }
        if (result instanceof SendResult.Accepted accepted) {
            person.callSid = accepted.providerId();
        } else {
            LOG.warnf("A meeting call to participant %d was not placed: %s", personId, result);
            person.state = MeetingPerson.State.NO_ANSWER;
            person.changedAt = clock.instant();
        }
    }
}
