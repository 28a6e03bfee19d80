package se.outband.contacts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every contact as a CSV file in the import format (English headers, comma, UTF-8 with a byte order
 * mark so Excel shows å, ä and ö), so the file imports back as it is. Read a chunk at a time.
 */
@ApplicationScoped
public class ContactExport {

    private final ContactTable table;

    ContactExport(ContactTable table) {
        this.table = table;
    }

    /** Writes the list to {@code out} (left open) and answers how many contacts it holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long writeCsv(OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader(Arrays.stream(ContactField.values()).map(ContactField::jsonName).toArray(String[]::new))
                    .setRecordSeparator("\r\n")
                    .get());
            long count = 0;
            String last = null;
            for (List<String> ids; !(ids = table.idsAfter(last)).isEmpty(); last = ids.get(ids.size() - 1)) {
                Map<String, ContactData> contacts = table.stored(ids);
                for (String id : ids) {
                    ContactData c = contacts.get(id);
                    csv.printRecord(c.id(), c.name(), c.mobile(), c.email(), String.join("|", c.groups()),
                            c.language(), c.title(), c.unit());
                    count++;
                }
            }
            csv.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the contacts to export", e);
        }
    }
}
