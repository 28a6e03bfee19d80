package se.outband.contacts;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import se.outband.common.ApiException;

/**
 * Reads a staff list as HR systems and Excel write it: comma, semicolon or tab separated; UTF-8 with
 * or without BOM, UTF-16 with BOM, or Windows-1252; English or Swedish column names in any order.
 */
final class CsvContactReader {

    /** One data row and the line it stands on (the header is line 1, as Excel numbers rows). */
    record Row(long line, ContactData contact) {
    }

    /** The rows, the column name each field was read from, and remarks on the header row. */
    record Sheet(List<Row> rows, Map<ContactField, String> columns, List<RowProblem> warnings) {
        String column(ContactField field) {
            return columns.getOrDefault(field, field.jsonName());
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvContactReader() {
    }

    static Sheet read(byte[] bytes, ContactMessages messages) {
        String text = decode(bytes, messages);
        if (text.isBlank()) {
            throw new ApiException(400, messages.fileEmpty());
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        List<Row> rows = new ArrayList<>();
        Map<ContactField, Integer> positions = new EnumMap<>(ContactField.class);
        Map<ContactField, String> columns = new EnumMap<>(ContactField.class);
        List<RowProblem> warnings = new ArrayList<>();
        long line = 0;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                line = record.getRecordNumber();
                if (positions.isEmpty()) {
                    if (isBlank(record)) {
                        continue;
                    }
                    readHeader(record, positions, columns, warnings, messages);
                } else if (!isBlank(record)) {
                    rows.add(new Row(line, contact(record, positions)));
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            throw new ApiException(400, messages.fileMalformed(line));
        }
        return new Sheet(rows, columns, warnings);
    }

    private static void readHeader(CSVRecord header, Map<ContactField, Integer> positions,
            Map<ContactField, String> columns, List<RowProblem> warnings, ContactMessages messages) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            ContactField field = ContactField.forHeader(name);
            if (field == null || positions.containsKey(field)) {
                if (!name.isBlank()) {
                    warnings.add(new RowProblem(header.getRecordNumber(), name, messages.columnUnknown(name)));
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
            throw new ApiException(400, messages.columnMissing(String.join(", ", missing)));
        }
        if (!positions.containsKey(ContactField.MOBILE) && !positions.containsKey(ContactField.EMAIL)) {
            throw new ApiException(400, messages.channelColumnsMissing());
        }
    }

    private static ContactData contact(CSVRecord record, Map<ContactField, Integer> positions) {
        String groups = value(record, positions, ContactField.GROUPS);
        return new ContactData(
                value(record, positions, ContactField.ID),
                value(record, positions, ContactField.NAME),
                value(record, positions, ContactField.MOBILE),
                value(record, positions, ContactField.EMAIL),
                groups == null ? List.of() : Arrays.asList(groups.split("\\|")),
                value(record, positions, ContactField.LANGUAGE),
                value(record, positions, ContactField.TITLE),
                value(record, positions, ContactField.UNIT),
                List.of());
    }

    private static String value(CSVRecord record, Map<ContactField, Integer> positions, ContactField field) {
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

    /** The delimiter used most on the first line (the header). */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static String decode(byte[] bytes, ContactMessages messages) {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = strictUtf8(bytes);
            if (text == null) {
                text = new String(bytes, WINDOWS_1252);
            }
        }
        if (!looksLikeText(text)) {
            throw new ApiException(400, messages.fileNotText());
        }
        return text;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Text files have no NUL and hardly any other control characters; images, zips and xlsx files do. */
    private static boolean looksLikeText(String text) {
        long controls = text.chars()
                .filter(c -> c == 0 || c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFD)
                .count();
        return text.indexOf('\0') < 0 && controls * 100 <= text.length();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
