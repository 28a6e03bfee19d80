package se.outband.common;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

/** Settings every feature shares: where Outband is reached from outside and where it keeps its data. */
@ConfigMapping(prefix = "outband")
public interface OutbandConfig {

    /** Public base URL: webhook signatures and links in messages are built on it. */
    String publicUrl();

    /** An address under the public URL, e.g. {@code link("/status/")}. */
    default String link(String path) {
        String base = publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The H2 database, the rendered status site and backups live below this folder. */
    Path dataDir();
}
