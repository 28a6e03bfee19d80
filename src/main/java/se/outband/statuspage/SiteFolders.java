package se.outband.statuspage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import se.outband.common.OutbandConfig;

/**
 * The status page on disk: each render writes a folder of its own, and the {@code current} link is swapped to it
 * in one atomic rename, so a reader never sees a half-written site; the last few folders are kept. A reader's
 * path is looked up inside the current folder and never outside it.
 */
@ApplicationScoped
public class SiteFolders {

    private static final Logger LOG = Logger.getLogger(SiteFolders.class);
    private static final int VERSIONS_KEPT = 3;

    private final Path root;

    SiteFolders(OutbandConfig outband) {
        this.root = outband.dataFolder("status-site");
    }

    /** The folder readers see: the target of the {@code current} link. */
    public Path current() {
        return root.resolve("current");
    }

    /** An empty folder for a new version, readable by a web server that runs as another user. */
    Path newVersion() throws IOException {
        Files.createDirectories(root);
        Path dir = Files.createTempDirectory(root, "site-");
        // Temp folders are private by default; a web server copying or serving it runs as another user.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** Makes {@code dir} the current folder and removes all but the newest older ones. */
    void swapIn(Path dir) throws IOException {
        Path next = root.resolve("current.next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, dir.getFileName());
        Files.move(next, current(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> versions = Files.list(root)) {
            List<Path> old = versions.filter(p -> p.getFileName().toString().startsWith("site-") && !p.equals(dir))
                    .sorted(Comparator.comparing(SiteFolders::modified).reversed())
                    .skip(VERSIONS_KEPT - 1L)
                    .toList();
            old.forEach(SiteFolders::deleteQuietly);
        }
    }

    /**
     * A folder of the current site that has a page (its index.html), as its path inside the site ("en",
     * "en/incidents"); empty for anything else. A folder without a page is an address with nothing to see.
     */
    Optional<String> folder(String relative) {
        Path base = current();
        Path folder = base.resolve(relative).normalize();
        return folder.startsWith(base) && !folder.equals(base) && Files.isRegularFile(folder.resolve("index.html"))
                ? Optional.of(base.relativize(folder).toString())
                : Optional.empty();
    }

    /** A file of the current site, "" or a folder meaning its index.html; empty outside the site or when missing. */
    Optional<Path> file(String relative) {
        Path base = current();
        Path file = base.resolve(relative).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return file.startsWith(base) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("Old status page folder %s not removed: %s", dir, e.getMessage());
        }
    }
}
