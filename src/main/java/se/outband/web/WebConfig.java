package se.outband.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the leaders' pages behave in the browser. */
@ConfigMapping(prefix = "outband.web")
public interface WebConfig {

    /**
     * How often a bulletin's progress page fetches its figures while messages are on their way or replies can
     * come, and a phone meeting's page its list while the meeting runs. Each fetch is a page render and an audited read: far shorter only loads the server during a send.
     */
    @WithDefault("PT10S")
    Duration liveUpdatePeriod();
}
