package se.outband.continuity;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Backups in readiness's detail, always UP: a failing backup is urgent for an administrator but must
 * not take an instance that can still send bulletins out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class BackupHealthCheck implements HealthCheck {

    private final BackupService backups;

    BackupHealthCheck(BackupService backups) {
        this.backups = backups;
    }

    @Override
    public HealthCheckResponse call() {
        BackupService.Overview overview = backups.overview();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backups").up()
                .withData("configured", overview.configured())
                .withData("newest", overview.files().isEmpty() ? "none" : overview.files().get(0).createdAt().toString());
        if (overview.problem() != null) {
            response.withData("problem", overview.problem().english());
        }
        return response.build();
    }
}
