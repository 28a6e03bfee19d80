package se.outband.messaging.sms;

import java.net.URI;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import se.outband.common.OutbandConfig;

/** Chooses the SMS gateway from {@code outband.sms.provider} at start, refusing unknown values. */
public class SmsGatewayProducer {

    /** Where Twilio reports what became of each message. */
    public static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";

    @Produces
    @Singleton
    SmsGateway smsGateway(SmsConfig config, OutbandConfig outband) {
        return switch (config.provider()) {
            case "twilio" -> new TwilioSmsGateway(config, URI.create(outband.link(STATUS_CALLBACK_PATH)));
            case "dry-run" -> new DryRunSmsGateway();
            default -> throw new IllegalStateException(
                    "outband.sms.provider must be twilio or dry-run, not '" + config.provider() + "'");
        };
    }
}
