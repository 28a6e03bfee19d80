package se.outband.common;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * Where the data lives: the embedded H2 file unless a PostgreSQL database is named. application.properties
 * hands these to Quarkus' datasource. They are declared here as well because every key under
 * {@code outband.} must belong to a mapping: SmallRye refuses unknown ones given as system properties.
 */
@ConfigMapping(prefix = "outband.database")
public interface DatabaseConfig {

    /** {@code jdbc:postgresql://host:5432/outband}; unset means the H2 file under the data directory. */
    Optional<String> url();

    Optional<String> username();

    Optional<String> password();

    /**
     * {@code h2} or {@code postgresql}: which database the package was built for. The start script
     * derives it from {@link #url()} when it rebuilds the package; nobody needs to set it by hand.
     */
    @WithDefault("h2")
    @WithConverter(DatabaseKind.Converter.class)
    DatabaseKind kind();
}
