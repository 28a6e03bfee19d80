package se.outband.common;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Before anything else starts, every feature checks its settings and all problems are reported
 * together, in one log entry naming the variables to fix, instead of one stack trace per restart.
 */
@ApplicationScoped
public class SettingsReport implements SettingsCheck {

    private final OutbandConfig outband;

    SettingsReport(OutbandConfig outband) {
        this.outband = outband;
    }

    void onStart(@Observes @Priority(1) StartupEvent event, @Any Instance<SettingsCheck> checks) {
        SettingsProblems problems = new SettingsProblems();
        checks.forEach(check -> check.check(problems));
        if (!problems.isEmpty()) {
            String report = "Outband cannot start: fix these settings (in the environment file or as variables) and start again:\n  - "
                    + String.join("\n  - ", problems.list());
            // Quarkus prints a configuration exception's message alone: the list, no stack trace.
            throw new ConfigurationException(report);
        }
    }

    @Override
    public void check(SettingsProblems problems) {
        problems.requireWebAddress("outband.public-url", outband.publicUrl(),
                "it must be the address people reach Outband at, e.g. https://outband.example.org");
    }
}
