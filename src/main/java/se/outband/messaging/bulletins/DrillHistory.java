package se.outband.messaging.bulletins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.quarkus.panache.common.Sort;
import se.outband.common.CsvCells;
import se.outband.messaging.outbox.DeliveryState;

/** Every drill's reach at 15 minutes and share answered, oldest first: whether the lists got better. */
@ApplicationScoped
public class DrillHistory {

    /** One drill; the shares are per cent of its recipients, with one decimal. */
    public record Drill(long id, Instant sentAt, String text, int recipients, long reachedWithin15m, double percentWithin15m,
            boolean asksForReplies, long answered, double percentAnswered) {
    }

    /** The latest {@code limit} drills, oldest first. */
    @Transactional
    public List<Drill> drills(int limit) {
        List<Bulletin> drills = new ArrayList<>(Bulletin.<Bulletin>find("drill = true", Sort.descending("createdAt", "id"))
                .page(0, limit).list());
        if (drills.isEmpty()) {
            return List.of();
        }
        java.util.Collections.reverse(drills);
        List<Long> ids = drills.stream().map(b -> b.id).toList();
        Map<Long, Instant> sentAt = new HashMap<>();
        drills.forEach(b -> sentAt.put(b.id, b.createdAt));
        Map<Long, Long> soon = new HashMap<>();
        Bulletin.getEntityManager().createQuery("select d.bulletinId, min(coalesce(d.reachedAt, d.updatedAt)) from Delivery d"
                + " where d.bulletinId in ?1 and d.state = ?2 group by d.bulletinId, d.recipientId", Object[].class)
                .setParameter(1, ids).setParameter(2, DeliveryState.DELIVERED).getResultStream()
                .filter(row -> !((Instant) row[1]).isAfter(sentAt.get((Long) row[0]).plus(ReachFigures.BREAKDOWN_WITHIN)))
                .forEach(row -> soon.merge((Long) row[0], 1L, Long::sum));
        Map<Long, Long> answered = new HashMap<>();
        Bulletin.getEntityManager().createQuery("select r.bulletinId, count(distinct r.recipientId) from Reply r"
                + " where r.bulletinId in ?1 group by r.bulletinId", Object[].class).setParameter(1, ids).getResultStream()
                .forEach(row -> answered.put((Long) row[0], (Long) row[1]));
        return drills.stream().map(b -> {
            long reached = soon.getOrDefault(b.id, 0L);
            long replied = answered.getOrDefault(b.id, 0L);
            return new Drill(b.id, b.createdAt, b.text, b.recipientCount, reached, ReachFigures.percent(reached, b.recipientCount),
                    !b.replyOptionList().isEmpty(), replied, ReachFigures.percent(replied, b.recipientCount));
        }).toList();
    }

    /** The drills as a CSV file (UTF-8 with a byte order mark); texts are guarded against running as formulas. */
    public static void writeCsv(List<Drill> drills, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("id", "sentAt", "text", "recipients",
                    "reachedWithin15m", "percentWithin15m", "answered", "percentAnswered").setRecordSeparator("\r\n").get());
            for (Drill drill : drills) {
                csv.printRecord(drill.id(), drill.sentAt(), CsvCells.text(drill.text()), drill.recipients(), drill.reachedWithin15m(),
                        drill.percentWithin15m(), drill.asksForReplies() ? drill.answered() : "",
                        drill.asksForReplies() ? drill.percentAnswered() : "");
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
