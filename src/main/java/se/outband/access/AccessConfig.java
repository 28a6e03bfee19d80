package se.outband.access;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outband.access")
public interface AccessConfig {

    /** Roles whose users must enrol a second factor (TOTP) at their next sign-in to the web UI, e.g. {@code admin}. */
    Optional<Set<String>> totpRequiredRoles();

    /** A web session with no request for this long is ended. */
    @WithDefault("PT8H")
    Duration sessionTimeout();
}
