package se.outband.messaging.providers.sms;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import se.outband.common.OutbandConfig;
import se.outband.common.SharedBuckets;

/**
 * Builds the SMS providers of {@code outband.sms.providers} (or the one {@code outband.sms.provider})
 * at start, in order, each with its own pace, behind one {@link FailoverSmsGateway}.
 */
public class SmsGatewayProducer {

    /** Where Twilio reports what became of each message. */
    public static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";
    /** 46elks' webhooks, below a secret of Outband's since 46elks signs nothing. */
    public static final String ELKS_WEBHOOKS = "/webhooks/46elks/";

    @Produces
    @Singleton
    FailoverSmsGateway smsGateway(SmsConfig config, OutbandConfig outband, SharedBuckets buckets, Clock clock) {
        List<FailoverSmsGateway.Provider> providers = new ArrayList<>();
        for (SmsProvider provider : config.providerOrder()) {
            providers.add(switch (provider) {
                case TWILIO -> new FailoverSmsGateway.Provider(new TwilioSmsGateway(config, URI.create(outband.link(STATUS_CALLBACK_PATH))), buckets,
                        config.ratePerSecond(), config.maxConcurrency());
                case ELKS -> {
                    SmsConfig.Elks elks = config.elks();
                    yield new FailoverSmsGateway.Provider(new ElksSmsGateway(elks,
                            outband.link(ELKS_WEBHOOKS + elks.webhookSecret().orElseThrow() + "/status")), buckets,
                            elks.ratePerSecond().orElse(config.ratePerSecond()), elks.maxConcurrency().orElse(config.maxConcurrency()));
                }
                case DRY_RUN -> new FailoverSmsGateway.Provider(new DryRunSmsGateway(), buckets, config.ratePerSecond(), config.maxConcurrency());
            });
        }
        return new FailoverSmsGateway(providers, clock);
    }
}
