package se.outband.contacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import se.outband.common.Refused;
import se.outband.common.Text;

/**
 * Reads a staff list as HR systems and Excel write it (see {@link CsvEncoding}), English or Swedish
 * column names in any order, one row at a time so that a list of any length takes little memory.
 */
final class CsvContactReader implements AutoCloseable {

    /** One data row and the line it stands on (the header is line 1, as Excel numbers rows). */
    record Row(long line, ContactData contact) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<ContactField, Integer> positions = new EnumMap<>(ContactField.class);
    private final Map<ContactField, String> columns = new EnumMap<>(ContactField.class);
    private final List<RowProblem> warnings = new ArrayList<>();
    private long line;

    private CsvContactReader(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** Opens the file and reads its header row; a file that is no staff list is refused here. */
    static CsvContactReader open(Path file) throws IOException {
        CsvEncoding encoding = CsvEncoding.of(file);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(encoding.delimiter())
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        CsvContactReader reader = new CsvContactReader(format.parse(encoding.open(file)));
        try {
            reader.readHeader();
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next row that is not blank, or null after the last. */
    Row next() {
        CSVRecord record;
        while ((record = nextRecord()) != null) {
            if (!isBlank(record)) {
                return new Row(line, contact(record));
            }
        }
        return null;
    }

    /** The column name a field was read from, for messages that point at a cell. */
    String column(ContactField field) {
        return columns.getOrDefault(field, field.jsonName());
    }

    /** Remarks on the header row, e.g. columns that are not read. */
    List<RowProblem> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            line = record.getRecordNumber();
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new Refused(new ContactRefusal.FileMalformed(line));
        }
    }

    private void readHeader() {
        CSVRecord header;
        do {
            header = nextRecord();
        } while (header != null && isBlank(header));
        if (header == null) {
            throw new Refused(new ContactRefusal.FileEmpty());
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            ContactField field = ContactField.forHeader(name);
            if (field == null || positions.containsKey(field)) {
                if (!name.isBlank()) {
                    warnings.add(new RowProblem(header.getRecordNumber(), name, new ContactProblem.ColumnUnknown(name)));
                }
            } else {
                positions.put(field, i);
                columns.put(field, name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ContactField required : List.of(ContactField.ID, ContactField.NAME)) {
            if (!positions.containsKey(required)) {
                missing.add(required.jsonName());
            }
        }
        if (!missing.isEmpty()) {
            throw new Refused(new ContactRefusal.ColumnMissing(missing,
                    header.stream().map(String::strip).filter(h -> !h.isEmpty()).limit(20).map(h -> Text.clip(h, 40)).toList()));
        }
        if (!positions.containsKey(ContactField.MOBILE) && !positions.containsKey(ContactField.EMAIL)) {
            throw new Refused(new ContactRefusal.ChannelColumnsMissing());
        }
    }

    private ContactData contact(CSVRecord record) {
        String groups = value(record, ContactField.GROUPS);
        return new ContactData(
                value(record, ContactField.ID),
                value(record, ContactField.NAME),
                value(record, ContactField.MOBILE),
                value(record, ContactField.EMAIL),
                groups == null ? List.of() : Arrays.asList(groups.split("\\|")),
                value(record, ContactField.LANGUAGE),
                value(record, ContactField.TITLE),
                value(record, ContactField.UNIT),
                List.of());
    }

    private String value(CSVRecord record, ContactField field) {
        Integer position = positions.get(field);
        return position == null || position >= record.size() ? null : record.get(position);
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
