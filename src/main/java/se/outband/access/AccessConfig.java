package se.outband.access;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

@ConfigMapping(prefix = "outband.access")
public interface AccessConfig {

    /** Roles whose users must enrol a second factor (TOTP) at their next sign-in to the web UI, e.g. {@code admin}. */
    Optional<Set<String>> totpRequiredRoles();

    /** A web session with no request for this long is ended. */
    @WithDefault("PT8H")
    Duration sessionTimeout();

    /**
     * bcrypt's cost for passwords set from now on: each step doubles the work of checking one (10 takes
     * about 80 ms on a small VM). Raise it as hardware allows; only the tests lower it.
     */
    @WithDefault("10")
    int passwordHashCost();

    /** A cost bcrypt accepts. */
    class Check implements SettingsCheck {

        private final AccessConfig config;

        public Check(AccessConfig config) {
            this.config = config;
        }

        @Override
        public void check(SettingsProblems problems) {
            if (config.passwordHashCost() < 4 || config.passwordHashCost() > 31) {
                problems.wrong("outband.access.password-hash-cost", config.passwordHashCost(), "bcrypt takes 4 to 31; 10 is the default");
            }
        }
    }
}
