package se.outband.statuspage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.HealthGroup;
import se.outband.common.Health;

/**
 * The status page in readiness, always UP like backups: an instance whose page lags behind can still send
 * bulletins, and taking every such instance out of the proxy would take the page with it. Which version it
 * shows and when it was rendered are figures for signed-in roles ({@link Health}).
 */
@ApplicationScoped
public class StatusSiteHealth {

    private final SiteUpdates updates;
    private final SiteVersions versions;
    private final StatusSite site;

    StatusSiteHealth(SiteUpdates updates, SiteVersions versions, StatusSite site) {
        this.updates = updates;
        this.versions = versions;
        this.site = site;
    }

    @Produces
    @Readiness
    HealthCheck readiness() {
        return () -> health().publicly();
    }

    @Produces
    @HealthGroup(Health.DETAILS)
    HealthCheck details() {
        return () -> health().inDetail();
    }

    Health health() {
        long newest = versions.current();
        return Health.of("status-page", true, updates.problem(newest).orElse(null))
                .with("shown", site.shown())
                .with("newest", newest)
                .with("renderedAt", updates.renderedAt());
    }
}
