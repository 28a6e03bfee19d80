package se.outband.messaging.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import se.outband.access.AuditLog;
import se.outband.common.Text;

/** Answers to bulletins that ask for one ("JA"/"NEJ"), matched to the bulletin and tallied. */
@ApplicationScoped
public class Replies {

    /** How long after a bulletin replies to it are still matched. */
    public static final Duration WINDOW = Duration.ofHours(72);
    private static final Pattern FIRST_WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public record ReplyView(long id, String contactId, String name, String from, String body, String answer, Instant receivedAt,
            boolean simulated) {
    }

    /** Each person's latest answer counts once; {@code noReply} is everyone who has not answered. */
    public record Tally(Map<String, Long> answers, long unrecognised, long replied, long noReply) {
    }

    /** {@code open}: replies to it are still matched (its first 72 hours), so the page keeps refreshing. */
    public record RepliesView(List<String> options, Tally tally, List<ReplyView> replies, boolean open) {
    }

    private final Clock clock;
    private final AuditLog audit;

    Replies(Clock clock, AuditLog audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * A reply a leader types for a recipient of a dry-run drill, so the reply loop can be practised
     * without phones; stored marked as simulated. False when that person is not among its recipients.
     */
    @Transactional
    public boolean simulate(long bulletinId, String contactId, String body) {
        Bulletin bulletin = BulletinQueries.find(bulletinId);
        Recipient recipient = Recipient.<Recipient>find("bulletinId = ?1 and contactId = ?2", bulletinId, contactId).firstResult();
        if (recipient == null || bulletin.replyOptionList().isEmpty()) {
            return false;
        }
        record(recipient, bulletin, recipient.mobile == null ? "-" : recipient.mobile, body, "SIMULATED-" + UUID.randomUUID(), true);
        audit.record("reply.simulated", "bulletin=%d contact=%s body=%s".formatted(bulletinId, contactId, Text.clip(body, 100)));
        return true;
    }

    /** Stores an answer from {@code from} to a bulletin it was sent to; {@code messageSid} makes a repeated one findable. */
    public void record(Recipient recipient, Bulletin bulletin, String from, String body, String messageSid, boolean simulated) {
        Instant now = clock.instant();
        Reply reply = new Reply();
        reply.bulletinId = bulletin.id;
        reply.recipientId = recipient.id;
        reply.contactId = recipient.contactId;
        reply.name = recipient.name;
        reply.fromNumber = from;
        String shown = Text.clean(body);
        reply.body = shown.length() > 1600 ? shown.substring(0, 1600) : shown;
        reply.answer = answer(body, bulletin.replyOptionList());
        reply.receivedAt = now;
        reply.messageSid = messageSid;
        reply.simulated = simulated;
        reply.persist();
    }

    @Transactional
    public RepliesView of(long bulletinId) {
        Bulletin bulletin = BulletinQueries.find(bulletinId);
        List<Reply> replies = Reply.<Reply>find("bulletinId", Sort.descending("receivedAt", "id"), bulletinId).list();
        Map<Long, Reply> latest = new LinkedHashMap<>();
        replies.forEach(r -> latest.putIfAbsent(r.recipientId, r));
        Map<String, Long> answers = new LinkedHashMap<>();
        bulletin.replyOptionList().forEach(option -> answers.put(option, 0L));
        long unrecognised = 0;
        for (Reply reply : latest.values()) {
            if (reply.answer == null) {
                unrecognised++;
            } else {
                answers.merge(reply.answer, 1L, Long::sum);
            }
        }
        List<ReplyView> views = replies.stream()
                .map(r -> new ReplyView(r.id, r.contactId, r.name, r.fromNumber, r.body, r.answer, r.receivedAt, r.simulated))
                .toList();
        Tally tally = new Tally(answers, unrecognised, latest.size(), bulletin.recipientCount - latest.size());
        boolean open = !bulletin.replyOptionList().isEmpty() && bulletin.createdAt.isAfter(clock.instant().minus(WINDOW));
        return new RepliesView(bulletin.replyOptionList(), tally, views, open);
    }

    /** The recipients who have not answered, to call or remind. */
    @Transactional
    public List<RecipientContact> silent(long bulletinId) {
        return Reply.getEntityManager().createQuery(RecipientContact.OF_BULLETIN
                + " and not exists (select p from Reply p where p.recipientId = r.id) order by r.name, r.contactId", RecipientContact.class)
                .setParameter(1, bulletinId).getResultList();
    }

    /** The option an answer means: its first word ("ja", "Ja!") or the option's number ("1"); null if neither. */
    public static String answer(String body, List<String> options) {
        Matcher word = FIRST_WORD.matcher(body);
        if (!word.find()) {
            return null;
        }
        String first = word.group().toUpperCase(Locale.ROOT);
        if (options.contains(first)) {
            return first;
        }
        if (first.chars().allMatch(Character::isDigit) && first.length() <= 2) {
            int number = Integer.parseInt(first);
            return number >= 1 && number <= options.size() ? options.get(number - 1) : null;
        }
        return null;
    }
}
