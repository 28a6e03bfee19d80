package se.outband.contacts;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outband.contacts")
public interface ContactsConfig {

    /** Region used to read numbers written without a country code (070-… is Swedish with SE). */
    @WithDefault("SE")
    String defaultRegion();

    /** The organisation's own mail domains: they are down in a crisis, so such addresses are flagged. */
    Optional<Set<String>> internalEmailDomains();

    /** Largest CSV file accepted by an import. */
    @WithDefault("33554432")
    long maxImportBytes();

    /** A CSV file imported at start while there are no contacts yet (the dev profile uses the example list). */
    Optional<Path> seedFile();
}
