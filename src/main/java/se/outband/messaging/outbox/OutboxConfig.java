package se.outband.messaging.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

@ConfigMapping(prefix = "outband.outbox")
public interface OutboxConfig {

    /**
     * How long a delivery being sent stays its instance's without being renewed. A live instance renews
     * it every few seconds until the result is stored; once an instance stops (dies), its messages are
     * sent again by another after this long. Shorter means they go out sooner.
     */
    @WithDefault("PT5M")
    Duration lease();

    /** A lease must outlast a few of the renewals a live instance makes every 3 seconds. */
    class Check implements SettingsCheck {

        static final Duration SHORTEST_LEASE = Duration.ofSeconds(10);

        private final OutboxConfig config;

        public Check(OutboxConfig config) {
            this.config = config;
        }

        @Override
        public void check(SettingsProblems problems) {
            if (config.lease().compareTo(SHORTEST_LEASE) < 0) {
                problems.wrong("outband.outbox.lease", config.lease(), "it must be at least PT10S; PT5M is the default");
            }
        }
    }
}
