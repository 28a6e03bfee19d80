package se.outband.messaging.bulletins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A reach report's recipients as a CSV file, one row each (UTF-8 with a byte order mark, so that Excel
 * shows å, ä and ö). Names and words come from contact lists and providers: a cell that a spreadsheet
 * would take for a formula is written with a leading apostrophe, so opening the file runs nothing.
 */
final class ReachCsv {

    static final String[] HEADER = {"id", "name", "unit", "groups", "channelsTried", "provider", "outcome", "reachedAt",
        "answer", "answeredAt"};

    private ReachCsv() {
    }

    static void write(List<ReachReports.Line> lines, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\r\n").get());
            for (ReachReports.Line line : lines) {
                csv.printRecord(cell(line.contactId()), cell(line.name()), cell(line.unit()), cell(line.groups()),
                        cell(line.channelsTried()), cell(line.provider()), cell(line.outcome()), time(line.reachedAt()),
                        cell(line.answer()), time(line.answeredAt()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OWASP's advice on CSV injection: a cell starting with = + - @ tab or carriage return is prefixed with '. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private static String time(Instant at) {
        return at == null ? "" : at.toString();
    }
}
