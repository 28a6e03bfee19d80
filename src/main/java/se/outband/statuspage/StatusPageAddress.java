package se.outband.statuspage;

import jakarta.enterprise.context.ApplicationScoped;

import se.outband.common.OutbandConfig;

/** The one address people are given for the status page: on posters, in the feed, in messages. */
@ApplicationScoped
public class StatusPageAddress {

    private final String url;

    StatusPageAddress(StatusConfig config, OutbandConfig outband) {
        String configured = config.publicUrl().map(String::strip).filter(u -> !u.isEmpty()).orElseGet(() -> outband.link("/status/"));
        // A folder: the feed builds its links on it, and ".../status" + "incidents/1.html" would lose a slash.
        this.url = configured.endsWith("/") ? configured : configured + "/";
    }

    public String url() {
        return url;
    }
}
