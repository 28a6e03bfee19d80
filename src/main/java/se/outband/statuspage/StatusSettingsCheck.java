package se.outband.statuspage;

import se.outband.common.SettingsCheck;
import se.outband.common.SettingsProblems;

/** The status page's own address is printed on posters: a typo there sends people nowhere, for as long as the poster hangs. */
public class StatusSettingsCheck implements SettingsCheck {

    private final StatusConfig config;

    public StatusSettingsCheck(StatusConfig config) {
        this.config = config;
    }

    @Override
    public void check(SettingsProblems problems) {
        config.publicUrl().filter(url -> !url.isBlank()).ifPresent(url -> problems.requireWebAddress("outband.status.public-url", url.strip(),
                "it must be the address where people read the status page, e.g. https://status.example.org/"));
    }
}
