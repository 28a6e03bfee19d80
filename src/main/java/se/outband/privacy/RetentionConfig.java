package se.outband.privacy;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long what was sent to people, and what they answered, is kept. */
@ConfigMapping(prefix = "outband.retention")
public interface RetentionConfig {

    /**
     * Delivery and reply rows (and the recipients they name) of bulletins older than this are deleted by a daily
     * job, and so are messages of their own (links, codes, answers) and the marks of numbers that failed that long
     * ago. Thirteen months by default: a year's drills can be compared with the last.
     */
    @WithDefault("P395D")
    @DurationMin(days = 1, message = "it must be at least a day, e.g. P395D")
    Duration deliveries();
}
