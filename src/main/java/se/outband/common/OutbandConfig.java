package se.outband.common;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every feature shares: where Outband is reached from outside and where it keeps its data. */
@ConfigMapping(prefix = "outband")
public interface OutbandConfig {

    /** Public base URL: webhook signatures and links in messages are built on it. */
    @WithDefault("http://localhost:8080")
    @WebAddress(message = "it must be the address people reach Outband at, e.g. https://outband.example.org")
    String publicUrl();

    /** An address under the public URL, e.g. {@code link("/status/")}. */
    default String link(String path) {
        String base = publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The H2 database, the rendered status site and backups live below this folder. */
    @WithDefault("./data")
    Path dataDir();

    /**
     * A folder of Outband's under the data directory, as an absolute path: a relative one would
     * stop matching itself once normalised (the status site's path check) or once the working
     * directory changes.
     */
    default Path dataFolder(String name) {
        return dataDir().toAbsolutePath().normalize().resolve(name);
    }
}
