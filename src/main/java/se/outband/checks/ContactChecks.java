package se.outband.checks;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.LinkTokens;
import se.outband.common.OutbandConfig;
import se.outband.common.Refused;
import se.outband.common.RowWaits;
import se.outband.common.Text;
import se.outband.contacts.FailingNumbers;
import se.outband.contacts.OwnDetails;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;

/**
 * Starting a contact check and reminding those who have not answered: each person gets their own link by
 * SMS, or by email when they have no mobile, through the outbox (so it fails over, retries and survives a
 * restart like a bulletin). The links and the rows are stored in one transaction with the messages.
 */
@ApplicationScoped
public class ContactChecks {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    /**
     * The least time from one reminder to the next: a second click, or a script asking again, must not text
     * everyone who has not answered once more (each reminder is an SMS to each of them).
     */
    static final Duration BETWEEN_REMINDERS = Duration.ofHours(1);
    /** A check further ahead than this is a typo (2072 for 2027). */
    private static final int MAX_DAYS_AHEAD = 366;

    private final OwnDetails details;
    private final Outbox outbox;
    private final AuditLog audit;
    private final OutbandConfig outband;
    private final Clock clock;
    private final FailingNumbers numbers;

    ContactChecks(OwnDetails details, Outbox outbox, AuditLog audit, OutbandConfig outband, Clock clock, FailingNumbers numbers) {
        this.numbers = numbers;
        this.details = details;
        this.outbox = outbox;
        this.audit = audit;
        this.outband = outband;
        this.clock = clock;
    }

    /** Starts a check and returns its id; refused (nothing sent) when a group or unit is unknown or nobody is chosen. */
    @Transactional
    public long start(CheckRequest request, String by) {
        LocalDate deadline = deadline(request.deadline());
        OwnDetails.Chosen chosen = chosen(request);
        ContactCheck check = new ContactCheck();
        check.createdAt = clock.instant();
        check.createdBy = Text.clip(by, 100);
        check.deadline = deadline;
        check.validUntil = deadline.plusDays(1).atStartOfDay(SWEDEN).toInstant();
        check.chosen = Text.clip(describe(request), 4000);
        check.persist();
        // The messages first, the rows after: inserts of one table in a row are sent to the database in batches,
        // where alternating tables would send every insert alone (a check of 20,000 is 40,000 inserts).
        List<CheckedPerson> rows = new ArrayList<>(chosen.people().size());
        Set<String> failing = numbers.all(Language.SV).keySet();
        int sent = 0;
        for (OwnDetails.Person person : chosen.people()) {
            CheckedPerson row = new CheckedPerson();
            row.checkId = check.id;
            row.contactId = person.id();
            String token = LinkTokens.newToken();
            row.tokenHash = LinkTokens.hash(token);
            row.state = CheckedPerson.State.UNREACHABLE;
            if (sendLink(row, person, failing, token, deadline, false)) {
                row.state = CheckedPerson.State.SENT;
                sent++;
            }
            rows.add(row);
        }
        CheckedPerson.getEntityManager().flush();
        CheckedPerson.persist(rows);
        audit.record("contact-check.started", "check=%d %s people=%d sent=%d deadline=%s"
                .formatted(check.id, check.chosen, chosen.people().size(), sent, deadline));
        return check.id;
    }

    /**
     * Sends a new link to everyone who has not answered yet and could be reached: a new one, since only a hash of
     * the first is kept; the first link stops working. Returns how many were reminded.
     */
    public int remind(long checkId) {
        // The check's row is held until the reminder is sent: asked for twice at once, the second waits, then is refused.
        return RowWaits.inTransaction(() -> remindNow(checkId));
    }

    private int remindNow(long checkId) {
        ContactCheck check = find(checkId);
        ContactCheck.getEntityManager().refresh(check, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!now.isBefore(check.validUntil)) {
            throw new Refused(new CheckRefusal.CheckOver());
        }
        if (check.remindedAt != null && now.isBefore(check.remindedAt.plus(BETWEEN_REMINDERS))) {
            throw new Refused(new CheckRefusal.RemindedRecently(
                    check.remindedAt.atZone(SWEDEN).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString()));
        }
        List<CheckedPerson> waiting = CheckedPerson.list("checkId = ?1 and state = ?2 and ended = false", checkId,
                CheckedPerson.State.SENT);
        int reminded = 0;
        Set<String> failing = numbers.all(Language.SV).keySet();
        for (CheckedPerson row : waiting) {
            OwnDetails.Person person = details.of(row.contactId).orElse(null);
            if (person == null) {
                continue;
            }
            String token = LinkTokens.newToken();
            row.tokenHash = LinkTokens.hash(token);
            if (sendLink(row, person, failing, token, check.deadline, true)) {
                reminded++;
            }
        }
        check.remindedAt = clock.instant();
        audit.record("contact-check.reminded", "check=%d people=%d".formatted(checkId, reminded));
        return reminded;
    }

    /** The people a check would ask; refused when a group or unit is unknown or nobody is chosen. */
    OwnDetails.Chosen chosen(CheckRequest request) {
        OwnDetails.Chosen chosen = details.choose(request.groups(), request.units());
        if (!chosen.unknownGroups().isEmpty()) {
            throw new Refused(new CheckRefusal.UnknownGroups(chosen.unknownGroups()));
        }
        if (!chosen.unknownUnits().isEmpty()) {
            throw new Refused(new CheckRefusal.UnknownUnits(chosen.unknownUnits()));
        }
        if (chosen.people().isEmpty()) {
            throw new Refused(new CheckRefusal.NobodyChosen());
        }
        return chosen;
    }

    /**
     * How a person's link goes: by SMS, else by email; null when they have neither. A mobile whose last SMS failed for
     * good is passed over for the email; without an email it is tried once more (it is the only way, and it may work again).
     */
    static Channel channelFor(OwnDetails.Person person, Set<String> failing) {
        boolean smsWorks = person.mobile() != null && !failing.contains(person.mobile());
        if (smsWorks || person.email() == null && person.mobile() != null) {
            return Channel.SMS;
        }
        return person.email() != null ? Channel.EMAIL : null;
    }

    static ContactCheck find(long checkId) {
        ContactCheck check = ContactCheck.findById(checkId);
        if (check == null) {
            throw new Refused(new CheckRefusal.CheckNotFound(checkId));
        }
        return check;
    }

    /** As {@link #channelFor}; false when the person has neither a mobile nor an email. */
    private boolean sendLink(CheckedPerson row, OwnDetails.Person person, Set<String> failing, String token, LocalDate deadline,
            boolean reminder) {
        Channel channel = channelFor(person, failing);
        if (channel == null) {
            return false;
        }
        CheckMessages words = language(person).messages(CheckMessages.class);
        String link = outband.link("/self/" + token);
        String text = reminder ? words.reminderText(deadline.toString(), link)
                : words.linkText(person.name(), deadline.toString(), link);
        row.channel = channel.key();
        row.deliveryId = outbox.send(channel, channel == Channel.SMS ? person.mobile() : person.email(), text);
        return true;
    }

    static Language language(OwnDetails.Person person) {
        Language language = Language.parse(person.language());
        return language == null ? Language.SV : language;
    }

    LocalDate deadline(String text) {
        LocalDate deadline;
        try {
            deadline = text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            deadline = null;
        }
        if (deadline == null) {
            throw new Refused(new CheckRefusal.DeadlineMissing());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), SWEDEN);
        if (deadline.isBefore(today)) {
            throw new Refused(new CheckRefusal.DeadlinePassed(deadline.toString()));
        }
        if (deadline.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new Refused(new CheckRefusal.DeadlineTooFar(deadline.toString()));
        }
        return deadline;
    }

    private static String describe(CheckRequest request) {
        if (request.groups().isEmpty() && request.units().isEmpty()) {
            return "everyone";
        }
        List<String> parts = new ArrayList<>();
        if (!request.groups().isEmpty()) {
            parts.add("groups=" + String.join("|", request.groups()));
        }
        if (!request.units().isEmpty()) {
            parts.add("units=" + String.join("|", request.units()));
        }
        return String.join(" ", parts);
    }

}
