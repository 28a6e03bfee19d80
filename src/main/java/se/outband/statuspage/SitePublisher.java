package se.outband.statuspage;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import se.outband.common.BackgroundCommand;
import se.outband.common.ShellCommand;

/**
 * Runs {@code outband.status.publish-command} after a render, in the background with a timeout, so a
 * slow or failing static host never holds up the page Outband serves itself.
 */
@ApplicationScoped
public class SitePublisher {

    private final BackgroundCommand command;

    SitePublisher(StatusConfig config, Clock clock) {
        this.command = new BackgroundCommand("outband-status-publisher", config.publishCommand(), "{dir}", config.publishTimeout(),
                clock, "Publishing the status page failed");
    }

    /** The last publish, as GET /api/status/publish shows it. */
    public ShellCommand.Run last() {
        return command.last();
    }

    void publish(Path dir) {
        command.submit(dir);
    }

    @PreDestroy
    void stop() {
        command.stop();
    }
}
