package se.outband.access;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "outband.bootstrap")
public interface BootstrapConfig {

    /** Creates the user {@code admin} with this password when there is no user at all. */
    Optional<String> adminPassword();
}
