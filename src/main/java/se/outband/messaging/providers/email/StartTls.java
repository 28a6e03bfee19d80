package se.outband.messaging.providers.email;

import se.outband.common.ConfigChoice;

/** Whether the connection to the SMTP relay is encrypted with STARTTLS. */
public enum StartTls implements ConfigChoice {
    /** Refuses to send over a relay that does not offer it. */
    REQUIRED("required"),
    /** Uses it when the relay offers it. */
    OPTIONAL("optional"),
    NONE("none");

    private final String configValue;

    StartTls(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<StartTls> {
        @Override
        public StartTls convert(String value) {
            return ConfigChoice.read(StartTls.class, "it must be", value);
        }
    }
}
