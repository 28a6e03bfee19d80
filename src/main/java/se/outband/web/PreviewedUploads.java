package se.outband.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import se.outband.common.OutbandConfig;
import se.outband.common.ScheduledJob;
import se.outband.contacts.ContactsConfig;

/**
 * Staff lists shown in an import preview, kept aside until the same person confirms them. They are
 * personal data: never kept past an hour, never more than a few at a time, never larger than an import.
 */
@ApplicationScoped
public class PreviewedUploads {

    static final Duration KEPT = Duration.ofHours(1);
    static final int MAX_FILES = 20;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    private final SecureRandom random = new SecureRandom();
    private final Path folder;
    private final long maxBytes;
    private final Clock clock;

    PreviewedUploads(OutbandConfig outband, ContactsConfig contacts, Clock clock) {
        this.folder = outband.dataFolder("uploads");
        this.maxBytes = contacts.maxImportBytes();
        this.clock = clock;
    }

    /** Keeps a copy for the confirm step and returns its key; empty when the file is too large to import anyway. */
    public synchronized Optional<String> keep(Path uploaded) throws IOException {
        if (Files.size(uploaded) > maxBytes) {
            return Optional.empty();
        }
        Files.createDirectories(folder);
        forgetOlderThan(KEPT);
        List<Path> kept = files();
        for (int i = 0; i <= kept.size() - MAX_FILES; i++) {
            Files.deleteIfExists(kept.get(i));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        Files.copy(uploaded, folder.resolve(key + ".csv"));
        return Optional.of(key);
    }

    public Optional<Path> find(String key) {
        Path file = key != null && KEY.matcher(key).matches() ? folder.resolve(key + ".csv") : null;
        return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public void forget(String key) throws IOException {
        Optional<Path> file = find(key);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }

    /** Previews nobody confirmed. */
    @ScheduledJob
    @Scheduled(every = "10m", identity = "previewed-uploads-forget")
    synchronized void forgetAbandoned() throws IOException {
        if (Files.isDirectory(folder)) {
            forgetOlderThan(KEPT);
        }
    }

    private void forgetOlderThan(Duration age) throws IOException {
        Instant cutoff = clock.instant().minus(age);
        for (Path file : files()) {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Oldest first. */
    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted(Comparator.comparing(PreviewedUploads::modified)).toList();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
