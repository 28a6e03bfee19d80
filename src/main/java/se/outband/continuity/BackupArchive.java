package se.outband.continuity;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import se.outband.contacts.ContactExport;
import se.outband.contacts.ContactImportService;
import se.outband.contacts.ImportReport;

/**
 * The ZIP inside a backup: {@code contacts.csv} in the import format and {@code outband.json} with
 * everything else (its shape is described in docs/backups.md, "What is inside"). Both directions stream.
 */
@ApplicationScoped
class BackupArchive {

    static final String CONTACTS = "contacts.csv";
    static final String REST = "outband.json";
    static final String FORMAT = "outband-backup";
    static final int VERSION = 1;

    /** What a restore brought back. */
    record Restored(long contacts, Map<String, Long> rows, Instant takenAt) {
    }

    private final ContactExport contacts;
    private final ContactImportService importer;
    private final BackupTables tables;
    private final TablesRestore restoreTables;
    private final DataSource dataSource;
    private final JsonFactory json = new JsonFactory();

    BackupArchive(ContactExport contacts, ContactImportService importer, BackupTables tables, TablesRestore restore,
            DataSource dataSource) {
        this.contacts = contacts;
        this.importer = importer;
        this.tables = tables;
        this.restoreTables = restore;
        this.dataSource = dataSource;
    }

    /**
     * Writes the ZIP to {@code out} (closed at the end) from one consistent read of the database; a
     * quarter of a million contacts and a long history take longer than the default timeout.
     */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    void write(OutputStream out, Instant now) throws IOException, SQLException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(CONTACTS));
            long count = contacts.writeCsv(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(REST));
            JsonGenerator generator = json.createGenerator(zip, JsonEncoding.UTF8);
            generator.writeStartObject();
            generator.writeStringField("format", FORMAT);
            generator.writeNumberField("version", VERSION);
            generator.writeStringField("createdAt", now.toString());
            generator.writeStringField("schema", schemaVersion());
            generator.writeNumberField("contacts", count);
            generator.writeObjectFieldStart("tables");
            tables.write(generator);
            generator.writeEndObject();
            generator.writeEndObject();
            generator.flush();
            zip.closeEntry();
        }
    }

    /**
     * Restores a ZIP read from {@code in} into the caller's transaction. The contacts are spooled
     * to {@code scratch} because the import reads a file.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Restored restore(InputStream in, Path scratch) throws IOException, SQLException {
        ZipInputStream zip = new ZipInputStream(in);
        Long contactCount = null;
        Map<String, Long> rows = null;
        Instant takenAt = null;
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
            if (entry.getName().equals(CONTACTS)) {
                Files.copy(zip, scratch, StandardCopyOption.REPLACE_EXISTING);
                ImportReport report = importer.replaceWithinTransaction(scratch);
                contactCount = (long) report.created();
            } else if (entry.getName().equals(REST)) {
                JsonParser parser = json.createParser(new NotClosing(zip));
                takenAt = readHeader(parser);
                rows = restoreTables.restore(parser);
            }
        }
        if (contactCount == null || rows == null) {
            throw new IOException("The backup opened but does not hold both " + CONTACTS + " and " + REST + ".");
        }
        return new Restored(contactCount, rows, takenAt);
    }

    /** Reads up to the start of {@code tables}, checking that this version can read the rest. */
    private Instant readHeader(JsonParser parser) throws IOException, SQLException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException(REST + " is not a JSON object.");
        }
        Instant takenAt = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "format" -> {
                    if (!FORMAT.equals(parser.getText())) {
                        throw new IOException(REST + " is not an Outband backup (format " + parser.getText() + ").");
                    }
                }
                case "version" -> {
                    if (parser.getIntValue() > VERSION) {
                        throw new IOException("This backup was made by a newer Outband (backup format " + parser.getIntValue()
                                + "); restore it with that version or a newer one.");
                    }
                }
                case "schema" -> {
                    String running = schemaVersion();
                    if (newer(parser.getText(), running)) {
                        throw new IOException("This backup was made by a newer Outband (database version " + parser.getText()
                                + ", this one has " + running + "); restore it with that version or a newer one.");
                    }
                }
                case "createdAt" -> takenAt = Instant.parse(parser.getText());
                case "tables" -> {
                    return takenAt;
                }
                default -> parser.skipChildren();
            }
        }
        throw new IOException(REST + " has no tables.");
    }

    private static boolean newer(String backup, String running) {
        try {
            return Long.parseLong(backup) > Long.parseLong(running);
        } catch (NumberFormatException e) {
            return !backup.equals(running);
        }
    }

    /** The newest migration applied, e.g. "8": a backup restores into this version or a later one. */
    private String schemaVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select \"version\" from \"flyway_schema_history\""
                        + " where \"success\" and \"version\" is not null order by \"installed_rank\" desc fetch first 1 rows only")) {
            return row.next() ? row.getString(1) : "0";
        }
    }

    /** Jackson closes its source at the end of the document; the ZIP has to go on to the next entry. */
    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the ZIP stream is closed by its owner
        }
    }
}
