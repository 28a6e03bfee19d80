package se.outband.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.config.ConfigMapping;
import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

@ConfigMapping(prefix = "outband.outbox")
public interface OutboxConfig {

    /**
     * How long a delivery being sent stays its instance's. Once it runs out without a result stored
     * (the instance died), another instance sends the message again: shorter means the dead
     * instance's messages go out sooner, and risks sending twice what a slow provider still holds.
     */
    Duration lease();

    /** A lease must outlast what a live instance takes to send one message and store the answer. */
    @ApplicationScoped
    class Check implements SettingsCheck {

        static final Duration SHORTEST_LEASE = Duration.ofSeconds(10);

        private final OutboxConfig config;

        Check(OutboxConfig config) {
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
