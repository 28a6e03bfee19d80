package se.outband.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import se.outband.common.OutbandConfig;
import se.outband.common.Refused;

/**
 * Staff lists sent to the API, written to a file of their own under the data directory while they
 * are imported (the import reads them more than once, and a 30 MB list must not sit in the heap).
 * They are personal data: the caller deletes each file, and a start deletes what a crash left.
 */
@ApplicationScoped
public class ImportSpool {

    private final Path folder;
    private final long maxBytes;

    ImportSpool(OutbandConfig outband, ContactsConfig contacts) {
        this.folder = outband.dataFolder("imports");
        this.maxBytes = contacts.maxImportBytes();
    }

    /** Copies the body to a new file, refusing it with 413 as soon as it passes the import limit. */
    public Path write(InputStream body) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "import-", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; body != null && (n = body.read(buffer)) >= 0;) {
                total += n;
                if (total > maxBytes) {
                    throw new Refused(new ContactRefusal.FileTooLarge(maxBytes / (1024 * 1024)));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    void deleteLeftovers(@Observes StartupEvent event) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
