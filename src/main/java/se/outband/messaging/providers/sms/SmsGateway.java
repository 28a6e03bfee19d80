package se.outband.messaging.providers.sms;

import java.util.Optional;

import se.outband.messaging.providers.SendResult;

/** Sends one SMS. Implementations: {@link TwilioSmsGateway}, {@link ElksSmsGateway}, {@link DryRunSmsGateway}, and {@link FailoverSmsGateway} in front of several. */
public interface SmsGateway {

    /** Shown wherever deliveries are listed, e.g. "twilio" or "dry-run": a {@link SmsProvider}'s config value. */
    String name();

    /** Whether nothing leaves the machine: the only provider is {@link SmsProvider#DRY_RUN}. */
    default boolean dryRun() {
        return SmsProvider.DRY_RUN.configValue().equals(name());
    }

    SendResult send(String to, String body);

    /**
     * The sender people see when it cannot take replies (an alphanumeric sender id such as "Kommunen");
     * empty when recipients can answer.
     */
    default Optional<String> oneWaySender() {
        return Optional.empty();
    }

    /**
     * Whether the provider answers an authenticated request now, without sending anything: how a
     * provider that failed is found to be back.
     */
    default boolean reachable() {
        return true;
    }
}
