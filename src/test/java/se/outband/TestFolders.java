package se.outband;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders the tests make for a real part (a keyring, a database cluster, packaged instances) and remove after it. */
public final class TestFolders {

    private TestFolders() {
    }

    /**
     * This test JVM's own folder, where the tests' Outband keeps its data and the stand-ins for a static host and
     * off-site storage copy to: the suites that run side by side have one each (test.fork-folder, pom.xml).
     */
    public static Path ownFolder() {
        return Path.of(System.getProperty("test.fork-folder", "target"));
    }

    /** Deletes {@code folder} and everything in it; a folder that is not there is already deleted. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
