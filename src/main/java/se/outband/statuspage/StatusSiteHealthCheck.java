package se.outband.statuspage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The status page in readiness's detail, always UP like backups: an instance whose page lags behind
 * can still send bulletins, and taking every such instance out of the proxy would take the page with it.
 */
@Readiness
@ApplicationScoped
public class StatusSiteHealthCheck implements HealthCheck {

    private final SiteUpdates updates;
    private final SiteVersions versions;
    private final StatusSite site;

    StatusSiteHealthCheck(SiteUpdates updates, SiteVersions versions, StatusSite site) {
        this.updates = updates;
        this.versions = versions;
        this.site = site;
    }

    @Override
    public HealthCheckResponse call() {
        long newest = versions.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("status-page").up()
                .withData("shown", site.shown())
                .withData("newest", newest);
        updates.problem(newest).ifPresent(problem -> response.withData("problem", problem));
        return response.build();
    }
}
