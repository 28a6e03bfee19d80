package se.outband.contacts;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Loads the configured example list at start, once, so a fresh dev instance has people to send to. */
@Singleton
public class ContactSeeder {

    private static final Logger LOG = Logger.getLogger(ContactSeeder.class);

    void onStart(@Observes StartupEvent event, ContactsConfig config, ContactImportService importer) {
        config.seedFile().ifPresent(file -> seed(file, importer));
    }

    private static void seed(Path file, ContactImportService importer) {
        if (QuarkusTransaction.requiringNew().call(() -> Contact.count()) > 0) {
            return;
        }
        try {
            ImportReport report = importer.importCsv(file, ImportMode.MERGE, false);
            LOG.infof("Imported %d example contacts from %s", report.created(), file);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read outband.contacts.seed-file " + file, e.getCause());
        }
    }
}
