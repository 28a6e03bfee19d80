package se.outband.messaging.outbox;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outband.outbox")
public interface OutboxConfig {

    /**
     * How long a delivery being sent stays its instance's without being renewed. A live instance renews
     * it every few seconds until the result is stored; once an instance stops (dies), its messages are
     * sent again by another after this long (plus the 5 seconds between looks for them). Shorter means
     * they go out sooner: the default takes a dead instance's messages over within 20 seconds. It must
     * outlast a few of the renewals a live instance makes every 3 seconds.
     */
    @WithDefault("PT15S")
    @DurationMin(seconds = 10, message = "it must be at least PT10S; PT15S is the default")
    Duration lease();
}
