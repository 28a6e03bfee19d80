package se.outband.continuity;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import se.outband.common.BackgroundCommand;
import se.outband.common.ShellCommand;

/** Runs {@code outband.backup.command} on each new backup in the background: a slow upload never holds up the next backup. */
@ApplicationScoped
class BackupCopier {

    private final BackgroundCommand command;

    BackupCopier(BackupConfig config, Clock clock) {
        this.command = new BackgroundCommand("outband-backup-copier", config.command(), "{file}", config.commandTimeout(), clock,
                "Copying the backup elsewhere failed");
    }

    /** The last copy, or null before the first. */
    ShellCommand.Run last() {
        return command.last();
    }

    void copy(Path file) {
        command.submit(file);
    }

    @PreDestroy
    void stop() {
        command.stop();
    }
}
