package se.outband.access;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import se.outband.common.SharedJobs;

/** The first account. There is never a default password: an empty instance says how to create one. */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    /** Instances started together on an empty shared database take turns: the first makes the user, the rest find it. */
    private static final String FIRST_ADMIN = "first-admin";

    void onStart(@Observes StartupEvent event, BootstrapConfig config, UserService users, SharedJobs jobs) {
        if (users.anyUser()) {
            if (config.adminPassword().isPresent()) {
                // Someone who changed it to get in again would otherwise wonder why the old password still works.
                LOG.info("outband.bootstrap.admin-password is not used: it creates 'admin' only while there are no users."
                        + " Change a password under Mitt konto or Administration in the web UI, or with PUT /api/users/{name}.");
            }
            return;
        }
        config.adminPassword().ifPresentOrElse(
                password -> {
                    boolean created = QuarkusTransaction.requiringNew().call(() -> {
                        if (!jobs.lock(FIRST_ADMIN, Duration.ofMinutes(1)) || users.anyUser()) {
                            return false;
                        }
                        users.create("admin", password, List.of(Roles.ADMIN), null);
                        return true;
                    });
                    if (created) {
                        LOG.info("Created the user 'admin' from outband.bootstrap.admin-password");
                    }
                },
                () -> LOG.warn("Outband has no users yet. Set OUTBAND_BOOTSTRAP_ADMIN_PASSWORD (at least "
                        + UserService.MIN_PASSWORD + " characters) and restart to create the user 'admin'."));
    }
}
