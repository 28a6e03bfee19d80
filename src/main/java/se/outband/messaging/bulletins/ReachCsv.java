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

import se.outband.common.CsvCells;

/**
 * A reach report's recipients as a CSV file, one row each (UTF-8 with a byte order mark, so that Excel
 * shows å, ä and ö), every text cell made safe to open ({@link CsvCells}).
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
                csv.printRecord(CsvCells.text(line.contactId()), CsvCells.text(line.name()), CsvCells.text(line.unit()), CsvCells.text(line.groups()),
                        CsvCells.text(line.channelsTried()), CsvCells.text(line.provider()), CsvCells.text(line.outcome()), time(line.reachedAt()),
                        CsvCells.text(line.answer()), time(line.answeredAt()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(Instant at) {
        return at == null ? "" : at.toString();
    }
}
