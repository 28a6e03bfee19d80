package se.outband.messaging.providers.sms;

import se.outband.common.ConfigChoice;

/** Who sends SMS. Its {@link #configValue()} is also the gateway's name, shown to users and stored on each delivery. */
public enum SmsProvider implements ConfigChoice {
    TWILIO("twilio"),
    ELKS("46elks"),
    /** Records what would be sent and marks it delivered: nothing leaves the machine. */
    DRY_RUN("dry-run");

    private final String configValue;

    SmsProvider(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** Reads {@code outband.sms.provider} and each of {@code outband.sms.providers}. */
    public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<SmsProvider> {
        @Override
        public SmsProvider convert(String value) {
            return ConfigChoice.read(SmsProvider.class, "each provider must be", value);
        }
    }
}
