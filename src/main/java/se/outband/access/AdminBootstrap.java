package se.outband.access;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import se.outband.common.Language;

/** The first account. There is never a default password: an empty instance says how to create one. */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, BootstrapConfig config, UserService users) {
        if (users.anyUser()) {
            return;
        }
        config.adminPassword().ifPresentOrElse(
                password -> {
                    QuarkusTransaction.requiringNew().run(() -> users.create("admin", password, List.of(Roles.ADMIN), null,
                            Language.EN.messages(AccessMessages.class)));
                    LOG.info("Created the user 'admin' from outband.bootstrap.admin-password");
                },
                () -> LOG.warn("Outband has no users yet. Set OUTBAND_BOOTSTRAP_ADMIN_PASSWORD (at least "
                        + UserService.MIN_PASSWORD + " characters) and restart to create the user 'admin'."));
    }
}
