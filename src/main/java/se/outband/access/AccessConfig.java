package se.outband.access;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outband.access")
public interface AccessConfig {

    /** Roles whose users must enrol a second factor (TOTP) at their next sign-in to the web UI, e.g. {@code admin}. */
    Optional<Set<@Pattern(regexp = Roles.ADMIN + "|" + Roles.SENDER + "|" + Roles.CONTACTS,
            message = "each role must be admin, sender or contacts") String>> totpRequiredRoles();

    /** A web session with no request for this long is ended. */
    @WithDefault("PT8H")
    Duration sessionTimeout();

    /**
     * bcrypt's cost for passwords set from now on: each step doubles the work of checking one (10 takes
     * about 80 ms on a small VM). Raise it as hardware allows; only the tests lower it.
     */
    @WithDefault("10")
    @Min(value = 4, message = "bcrypt takes 4 to 31; 10 is the default")
    @Max(value = 31, message = "bcrypt takes 4 to 31; 10 is the default")
    int passwordHashCost();
}
