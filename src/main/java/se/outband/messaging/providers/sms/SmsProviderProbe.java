package se.outband.messaging.providers.sms;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import se.outband.common.ScheduledJob;

/** Asks failing SMS providers every 15 seconds whether they answer again, so the first in order takes back over. */
@ApplicationScoped
class SmsProviderProbe {

    private final FailoverSmsGateway providers;

    SmsProviderProbe(FailoverSmsGateway providers) {
        this.providers = providers;
    }

    @ScheduledJob
    @Scheduled(identity = "sms-provider-probe", every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        providers.probe();
    }
}
