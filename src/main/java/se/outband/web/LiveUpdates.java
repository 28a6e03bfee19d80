package se.outband.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The progress page's update period, for its template: the script reads the milliseconds, the leader the seconds. */
@Named
@ApplicationScoped
public class LiveUpdates {

    /** Shorter would only load the server, and "every second" is not what the page's sentence says. */
    private static final long SHORTEST = 2000;

    private final WebConfig config;

    LiveUpdates(WebConfig config) {
        this.config = config;
    }

    public long millis() {
        return Math.max(SHORTEST, config.liveUpdatePeriod().toMillis());
    }

    public long seconds() {
        return millis() / 1000;
    }
}
