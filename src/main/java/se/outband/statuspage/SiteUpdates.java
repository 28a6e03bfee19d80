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
import se.outband.common.ScheduledJob;
import se.outband.common.SharedJobs;

/**
 * Keeps the status page this instance serves, and the copy the publish command sends elsewhere, up to
 * date: rendered at start, right after every change made here, and within seconds of a change made on
 * another instance sharing the database. One instance at a time publishes (it holds the shared job
 * "status-publisher" while it lives), so each version is published once and never overtaken by an
 * older one still on its way from another instance; a start publishes what it rendered, since settings
 * (the organisation, the contact block) may have changed with it.
 */
@ApplicationScoped
public class SiteUpdates {

    /** A render takes well under a second; a minute behind means renders keep failing. */
    static final Duration BEHIND = Duration.ofMinutes(1);
    static final String PUBLISHER = "status-publisher";
    /** Renewed every 2 seconds by its holder; another instance takes over this long after the holder stops. */
    static final Duration PUBLISHER_LEASE = Duration.ofSeconds(10);

    private final StatusSite site;
    private final SiteVersions versions;
    private final SitePublisher publisher;
    private final SharedJobs jobs;
    private final Clock clock;
    private volatile Instant renderedAt;
    /** Whether what this start rendered has been published, once this instance held the job. */
    private volatile boolean startPublished;

    SiteUpdates(StatusSite site, SiteVersions versions, SitePublisher publisher, SharedJobs jobs, Clock clock) {
        this.site = site;
        this.versions = versions;
        this.publisher = publisher;
        this.jobs = jobs;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        refresh(jobs.hold(PUBLISHER, PUBLISHER_LEASE));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged event) {
        refresh(jobs.hold(PUBLISHER, PUBLISHER_LEASE));
    }

    /**
     * A change made on another instance; and the publisher's renewal of its job. Failing, it is said in
     * readiness but leaves it UP, as the status-page check does: an instance whose page lags can still send
     * bulletins, and taking every such instance out of the proxy would take the page with it.
     */
    @ScheduledJob(failingMeansNotReady = false)
    @Scheduled(every = "2s", identity = "status-site-follow", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        boolean publishing = jobs.hold(PUBLISHER, PUBLISHER_LEASE);
        if (versions.current() > site.shown() || publishing && (!startPublished || versions.published() < site.shown())) {
            refresh(publishing);
        }
    }

    private synchronized void refresh(boolean publishing) {
        Path dir = render();
        boolean newer = publishing && versions.claimPublishing(site.shown());
        if (newer || publishing && !startPublished) {
            publisher.publish(dir);
            startPublished = true;
        }
    }

    private Path render() {
        Path dir = site.render();
        renderedAt = clock.instant();
        return dir;
    }

    /** For readiness, in words: the page served here is behind the database and has not been rendered for a while. */
    Optional<String> problem(long newest) {
        Instant last = renderedAt;
        if (newest > site.shown() && (last == null || last.isBefore(clock.instant().minus(BEHIND)))) {
            return Optional.of("The status page served here is behind the latest changes: rendering it keeps failing (see the log).");
        }
        return Optional.empty();
    }

    /** When this instance last rendered the page; null before its first render. */
    Instant renderedAt() {
        return renderedAt;
    }
}
