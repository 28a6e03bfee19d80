package se.outband.continuity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.HealthGroup;
import se.outband.common.Health;

/**
 * Backups in readiness, always UP: a failing backup is urgent for an administrator but must not take an
 * instance that can still send bulletins out of its load balancer. The public answer says what is wrong
 * in words; when backups were made and failed are figures for signed-in roles ({@link Health}).
 */
@ApplicationScoped
public class BackupHealth {

    private final BackupService backups;

    BackupHealth(BackupService backups) {
        this.backups = backups;
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
        BackupService.Overview overview = backups.overview();
        BackupProblem problem = overview.problem();
        return Health.of("backups", true, problem == null ? null : problem.reason())
                .with("configured", overview.configured())
                .with("newest", overview.files().isEmpty() ? null : overview.files().get(0).createdAt())
                .with("problemInDetail", problem == null ? null : problem.english());
    }
}
