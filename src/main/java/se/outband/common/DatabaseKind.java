package se.outband.common;

/** Which database the package was built for. */
public enum DatabaseKind implements ConfigChoice {
    /** The embedded file under the data directory. */
    H2("h2"),
    /** Shared by several instances. */
    POSTGRESQL("postgresql");

    private final String configValue;

    DatabaseKind(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<DatabaseKind> {
        @Override
        public DatabaseKind convert(String value) {
            return ConfigChoice.read(DatabaseKind.class, "it must be", value);
        }
    }
}
