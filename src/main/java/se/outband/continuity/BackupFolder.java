package se.outband.continuity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code <data-dir>/backups}: files named after the moment they were taken, so their names sort and
 * say when; only names of that form are ever read, listed or deleted.
 */
final class BackupFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("outband-backup-(\\d{8}T\\d{6}Z)(?:-(\\d{1,4}))?\\.zip\\.gpg");
    private static final String PART = ".part";

    private final Path dir;

    BackupFolder(Path dir) {
        this.dir = dir;
    }

    /** A temporary file in the folder: moved into place whole, or deleted. */
    Path newPart() throws IOException {
        Files.createDirectories(dir);
        // Only Outband's own user reads backups; they hold every phone number even if encrypted.
        return Files.createTempFile(dir, "outband-backup-", PART, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /**
     * A name for a backup taken at {@code at}, after every backup of that second still here: a name
     * pruned a moment ago is never given again to a newer backup, which would then sort as older.
     */
    String freeName(Instant at) {
        String prefix = "outband-backup-" + STAMP.format(at);
        int last = list().stream().map(BackupFile::name).filter(name -> name.startsWith(prefix)).mapToInt(BackupFolder::sequence)
                .max().orElse(0);
        return last == 0 ? prefix + ".zip.gpg" : prefix + "-" + (last + 1) + ".zip.gpg";
    }

    Path resolve(String name) {
        return dir.resolve(name);
    }

    /** The file of a backup name, only when it is one: anything else (../, other files) is not found. */
    Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Newest first. */
    List<BackupFile> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(this::describe).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(BackupFile::createdAt).thenComparing(f -> sequence(f.name())).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes what {@code retention} lets go; answers how many went. */
    int prune(BackupRetention retention) throws IOException {
        List<BackupFile> expendable = retention.expendable(list());
        for (BackupFile old : expendable) {
            Files.deleteIfExists(dir.resolve(old.name()));
        }
        return expendable.size();
    }

    /** Removes what a backup interrupted by a crash left behind. */
    void deleteParts() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path part : files.filter(f -> f.getFileName().toString().endsWith(PART)).toList()) {
                Files.deleteIfExists(part);
            }
        }
    }

    private Optional<BackupFile> describe(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BackupFile(file.getFileName().toString(), Files.size(file),
                    STAMP.parse(name.group(1), Instant::from)));
        } catch (IOException e) {
            // Deleted by a prune while listing.
            return Optional.empty();
        }
    }

    private static int sequence(String name) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches() && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : 1;
    }
}
