package se.outband;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;
import se.outband.common.SettingsReport;

/**
 * Starts Outband, and says why when it cannot. When Quarkus refuses the settings while it builds them (a
 * provider that does not exist, a rate of 0) it stops at the first one of each feature and names
 * properties rather than variables; here {@link SettingsReport} lists every problem instead, the way an
 * administrator fixes them.
 */
@QuarkusMain
public class OutbandMain {

    public static void main(String... args) {
        Quarkus.run(null, OutbandMain::exit, args);
    }

    /** Given an exit handler, Quarkus prints nothing itself: this prints what it would, settings as Outband's report. */
    static void exit(Integer code, Throwable failure) {
        if (failure != null) {
            Throwable cause = rootCause(failure);
            if (cause instanceof ConfigValidationException refused) {
                System.err.println(report(refused));
            } else if (cause instanceof ConfigurationException
                    || cause instanceof PreventFurtherStepsException && cause.getMessage() != null && !cause.getMessage().isEmpty()) {
                System.err.println(cause.getMessage());
            } else if (!(cause instanceof PreventFurtherStepsException)) {
                Logger.getLogger(Application.class).error("Failed to start application", failure);
            }
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    /** Outband's settings from the configuration Quarkus read them from, and anything else Quarkus refused in its own words. */
    static String report(ConfigValidationException refused) {
        try {
            List<String> problems = new ArrayList<>(SettingsReport.problems(ConfigProvider.getConfig(), OutbandSettings.FEATURES));
            for (int i = 0; i < refused.getProblemCount(); i++) {
                String problem = SettingsReport.smallRyes(refused.getProblem(i));
                if (!problem.contains("outband.")) {
                    problems.add(problem);
                }
            }
            return problems.isEmpty() ? refused.getMessage() : SettingsReport.text(problems);
        } catch (RuntimeException e) {
            Logger.getLogger(OutbandMain.class).warn("Could not list the settings' problems", e);
            return refused.getMessage();
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
