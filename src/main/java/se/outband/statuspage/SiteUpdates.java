package se.outband.statuspage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the status page this instance serves, and the copy the publish command sends elsewhere, up to
 * date: rendered at start, right after every change made here, and within seconds of a change made on
 * another instance sharing the database. Each version is published once, by the instance that renders
 * it first; a start publishes what it rendered, since settings (the organisation, the contact block)
 * may have changed with it.
 */
@ApplicationScoped
public class SiteUpdates {

    /** A render takes well under a second; a minute behind means renders keep failing. */
    static final Duration BEHIND = Duration.ofMinutes(1);

    private final StatusSite site;
    private final SiteVersions versions;
    private final SitePublisher publisher;
    private final Clock clock;
    private volatile Instant renderedAt;

    SiteUpdates(StatusSite site, SiteVersions versions, SitePublisher publisher, Clock clock) {
        this.site = site;
        this.versions = versions;
        this.publisher = publisher;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = render();
        versions.claimPublishing(site.shown());
        publisher.publish(dir);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged event) {
        refresh();
    }

    /** A change made on another instance. */
    @Scheduled(every = "2s", identity = "status-site-follow", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        if (versions.current() > site.shown()) {
            refresh();
        }
    }

    private synchronized void refresh() {
        Path dir = render();
        if (versions.claimPublishing(site.shown())) {
            publisher.publish(dir);
        }
    }

    private Path render() {
        Path dir = site.render();
        renderedAt = clock.instant();
        return dir;
    }

    /** For readiness: the page served here is behind the database and has not been rendered for a while. */
    Optional<String> problem(long newest) {
        Instant last = renderedAt;
        if (newest > site.shown() && (last == null || last.isBefore(clock.instant().minus(BEHIND)))) {
            return Optional.of("The status page served here shows version " + site.shown() + " of " + newest
                    + ": it has not been rendered since " + last + " (see the log).");
        }
        return Optional.empty();
    }
}
