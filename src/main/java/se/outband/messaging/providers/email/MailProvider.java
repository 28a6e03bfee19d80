package se.outband.messaging.providers.email;

import se.outband.common.ConfigChoice;

/** Who sends email. Its {@link #configValue()} is also the gateway's name, shown to users and stored on each delivery. */
public enum MailProvider implements ConfigChoice {
    /** The external SMTP relay of {@code outband.mail.smtp}. */
    SMTP("smtp"),
    /** Records what would be sent: nothing leaves the machine. */
    DRY_RUN("dry-run");

    private final String configValue;

    MailProvider(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<MailProvider> {
        @Override
        public MailProvider convert(String value) {
            return ConfigChoice.read(MailProvider.class, "it must be", value);
        }
    }
}
