package se.outband.messaging.providers.voice;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import se.outband.common.OutbandConfig;
import se.outband.common.SharedBuckets;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.sms.SmsProvider;
import se.outband.messaging.providers.sms.TwilioAccount;

/** Calls go through Twilio when it is among the SMS providers, are only logged beside dry-run SMS, and are not made otherwise. */
public class CallGatewayProducer {

    private static final Logger LOG = Logger.getLogger(CallGatewayProducer.class);
    /** Calls are paced to about one a second: a few connections are plenty. */
    private static final int CONNECTIONS = 4;

    @Produces
    @Singleton
    CallGateway calls(SmsConfig sms, VoiceConfig voice, OutbandConfig outband, SharedBuckets buckets) {
        List<SmsProvider> providers = sms.providerOrder();
        if (providers.contains(SmsProvider.TWILIO)) {
            Optional<String> from = voice.from().or(() -> sms.twilio().from().filter(TwilioAccount::isPhoneNumber));
            if (from.isEmpty()) {
                LOG.warn("Nobody with only a landline will be called: set outband.voice.from to a Twilio number that can call");
                return new NoCallGateway(Optional.empty());
            }
            return new TwilioCallGateway(new TwilioAccount(sms.twilio(), CONNECTIONS), from.get(),
                    buckets.perSecond("calls twilio", voice.callsPerSecond(), 1), outband);
        }
        return providers.contains(SmsProvider.DRY_RUN) ? new DryRunCallGateway(voice.from()) : new NoCallGateway(voice.from());
    }
}
