package se.outband.messaging.bulletins;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outband.escalation")
public interface EscalationConfig {

    /**
     * How often each instance looks for escalation steps that are due: a step runs at most this much
     * after its time. The shortest step is 10 seconds, so looking more often than every few seconds buys nothing.
     */
    @WithDefault("5s")
    @DurationMin(seconds = 1, message = "it must be at least 1s; 5s is the default")
    @DurationMax(minutes = 1, message = "it must be at most 1m: a step would run that much late")
    Duration every();
}
