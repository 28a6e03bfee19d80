package se.outband.access;

import java.util.Optional;

import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import se.outband.common.Secret;

@ConfigMapping(prefix = "outband.bootstrap")
public interface BootstrapConfig {

    /**
     * Creates the user {@code admin} with this password when there is no user at all. Checked at every start, so
     * that a password too short to create the user is said with the other settings, not as a failed start.
     */
    @Secret
    Optional<@Size(min = UserService.MIN_PASSWORD, message = "it must be at least " + UserService.MIN_PASSWORD
            + " characters, like every password in Outband") String> adminPassword();
}
