package se.outband.messaging.bulletins;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.DeliveryState;
import se.outband.messaging.providers.sms.FailoverSmsGateway;

/** Reach reports of bulletins: what each recipient's deliveries and replies add up to, in the reader's language. */
@ApplicationScoped
public class ReachReports {

    private final ReachRows rows;
    private final FailoverSmsGateway sms;
    private final AuditLog audit;
    private final Escalations escalations;

    ReachReports(ReachRows rows, FailoverSmsGateway sms, AuditLog audit, Escalations escalations) {
        this.escalations = escalations;
        this.rows = rows;
        this.sms = sms;
        this.audit = audit;
    }

    /** The report and every recipient's line of it (for the CSV file and the page). */
    public record Full(ReachReport report, List<Line> lines) {
    }

    /** One recipient as the CSV file and the page show them, everything in words. */
    public record Line(String contactId, String name, String unit, String groups, String channelsTried, String provider,
            String outcome, Instant reachedAt, String answer, Instant answeredAt) {
    }

    /** Every recipient's line, for a file that leaves Outband: audited in the transaction that reads them. */
    @Transactional
    public List<Line> export(long id, Language language) {
        List<Line> lines = of(id, language).lines();
        audit.record("bulletin.report-exported", "bulletin=%d people=%d".formatted(id, lines.size()));
        return lines;
    }

    /** The lines as the CSV file that {@link #export} is for. */
    public static void writeCsv(List<Line> lines, java.io.OutputStream out) {
        ReachCsv.write(lines, out);
    }

    @Transactional
    public Full of(long id, Language language) {
        Bulletin bulletin = BulletinQueries.find(id);
        MessagingMessages words = language.messages(MessagingMessages.class);
        List<RecipientReach> people = rows.of(id);
        Instant sentAt = bulletin.createdAt;
        int total = Math.max(bulletin.recipientCount, people.size());
        List<Instant> times = people.stream().filter(RecipientReach::reached).map(RecipientReach::reachedAt).toList();
        List<Line> lines = people.stream().map(p -> line(p, words)).toList();
        List<ReachReport.Unreached> neverReached = people.stream().filter(p -> !p.reached())
                .map(p -> new ReachReport.Unreached(p.contactId(), p.name(), p.unit(), outcome(p, words))).toList();
        ReachReport report = new ReachReport(bulletin.id, sentAt, bulletin.drill, bulletin.text, total, times.size(),
                people.stream().filter(p -> p.outcome() == RecipientReach.Outcome.FAILED).count(),
                people.stream().filter(p -> p.outcome() == RecipientReach.Outcome.UNDER_WAY).count(),
                ReachFigures.reachedWithin(sentAt, times, total), ReachFigures.timeTo(sentAt, times, total),
                ReachFigures.byChannel(sentAt, people, c -> words.channelName(c.key())),
                ReachFigures.by(sentAt, people, RecipientReach::groups),
                ReachFigures.by(sentAt, people, p -> List.of(p.unit() == null || p.unit().isBlank() ? words.noUnit() : p.unit())),
                failures(id, words), failovers(id), answers(bulletin, people, total), neverReached,
                ReachFigures.curve(sentAt, times, total), escalations.of(id, language));
        return new Full(report, lines);
    }

    private static Line line(RecipientReach p, MessagingMessages words) {
        return new Line(p.contactId(), p.name(), p.unit(), String.join("|", p.groups()),
                String.join("|", p.channelsTried().stream().map(c -> words.channelName(c.key())).toList()), p.provider(),
                outcome(p, words), p.reachedAt(), p.answer(), p.answeredAt());
    }

    static String outcome(RecipientReach p, MessagingMessages words) {
        return switch (p.outcome()) {
            case REACHED -> words.outcomeReached(words.channelName(p.reachedBy().key()));
            case FAILED -> words.outcomeFailed(words.failureReason(Objects.requireNonNullElse(p.failureCode(), "")));
            case UNDER_WAY -> words.outcomeUnderWay();
            case NOT_TRIED -> words.outcomeNotTried();
        };
    }

    private static List<ReachReport.Failure> failures(long id, MessagingMessages words) {
        List<ReachReport.Failure> failures = new ArrayList<>();
        Bulletin.getEntityManager().createQuery("select d.channel, coalesce(d.errorCode, ''), count(d) from Delivery d"
                + " where d.bulletinId = ?1 and d.state in ?2 group by d.channel, coalesce(d.errorCode, '')"
                + " order by count(d) desc", Object[].class)
                .setParameter(1, id).setParameter(2, EnumSet.of(DeliveryState.FAILED, DeliveryState.UNDELIVERED))
                .getResultStream().forEach(row -> failures.add(new ReachReport.Failure(((Channel) row[0]).key(),
                        (String) row[1], words.failureReason((String) row[1]), (Long) row[2])));
        return failures;
    }

    private ReachReport.Failovers failovers(long id) {
        String first = sms.providers().isEmpty() ? null : sms.providers().get(0).name();
        Map<String, Long> toProvider = new TreeMap<>();
        Bulletin.getEntityManager().createQuery("select d.provider, count(d) from Delivery d where d.bulletinId = ?1"
                + " and d.channel = ?2 and d.provider is not null and d.provider <> ?3 group by d.provider", Object[].class)
                .setParameter(1, id).setParameter(2, Channel.SMS).setParameter(3, String.valueOf(first))
                .getResultStream().forEach(row -> toProvider.put((String) row[0], (Long) row[1]));
        Map<String, Long> toChannel = new TreeMap<>();
        Bulletin.getEntityManager().createQuery("select d.channel, count(d) from Delivery d where d.bulletinId = ?1"
                + " and d.fallbackOf is not null group by d.channel", Object[].class)
                .setParameter(1, id).getResultStream().forEach(row -> toChannel.put(((Channel) row[0]).key(), (Long) row[1]));
        return new ReachReport.Failovers(first, toProvider, toChannel);
    }

    private static ReachReport.Answers answers(Bulletin bulletin, List<RecipientReach> people, int total) {
        Map<String, Long> tally = new LinkedHashMap<>();
        bulletin.replyOptionList().forEach(option -> tally.put(option, 0L));
        List<RecipientReach> replied = people.stream().filter(RecipientReach::replied).toList();
        replied.stream().filter(p -> p.answer() != null).forEach(p -> tally.merge(p.answer(), 1L, Long::sum));
        List<Instant> answeredAt = replied.stream().map(RecipientReach::answeredAt).toList();
        List<Long> seconds = answeredAt.stream().map(t -> Math.max(0, Duration.between(bulletin.createdAt, t).toSeconds())).toList();
        return new ReachReport.Answers(bulletin.replyOptionList(), tally, replied.stream().filter(p -> p.answer() == null).count(),
                replied.size(), total - replied.size(), ReachFigures.percent(replied.size(), total), ReachFigures.median(seconds),
                ReachFigures.reachedWithin(bulletin.createdAt, answeredAt, total));
    }
}
