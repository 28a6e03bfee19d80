package se.outband.checks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.LinkTokens;
import se.outband.common.OutbandConfig;
import se.outband.contacts.OwnDetails;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;

/**
 * What a person does on their own page, with nothing but the link: see their details, say they are right, or
 * correct them. A new mobile is stored only once the code sent to it comes back (nobody can send someone's
 * alerts to a number they do not hold), a new email only once its link is opened. The link shows only the
 * one person it was made for, and stops at the deadline, after five wrong codes, or when the person is erased.
 */
@ApplicationScoped
public class SelfCheck {

    static final int MAX_WRONG_CODES = 5;
    static final int MAX_CODES_SENT = 5;

    /** What a link opens. */
    public sealed interface Visit {
    }

    /** No such link (mistyped, made up, replaced by a reminder's, or its person erased). */
    public record Unknown() implements Visit {
    }

    /** The check's last day has passed. */
    public record Expired(Language language) implements Visit {
    }

    /** Five wrong codes ended the link. */
    public record Ended(Language language) implements Visit {
    }

    /** The person's page. */
    public record Open(String name, String unit, String mobile, String email, Language language, LocalDate deadline,
            boolean answered, String pendingMobile, String pendingEmail, int codesLeft) implements Visit {
    }

    /** What came of what the person did, to say above the page. */
    public enum Outcome {
        CONFIRMED, SAVED, NOTHING_CHANGED, CODE_SENT, CODE_WRONG, CODE_EXPIRED, NO_CODE_WAITING, TOO_MANY_CODES, ENDED,
        EMAIL_SENT, EMAIL_CONFIRMED, EMAIL_LINK_WRONG, CLOSED
    }

    private final OwnDetails details;
    private final Outbox outbox;
    private final OutbandConfig outband;
    private final ChecksConfig config;
    private final AuditLog audit;
    private final Clock clock;

    SelfCheck(OwnDetails details, Outbox outbox, OutbandConfig outband, ChecksConfig config, AuditLog audit, Clock clock) {
        this.audit = audit;
        this.details = details;
        this.outbox = outbox;
        this.outband = outband;
        this.config = config;
        this.clock = clock;
    }

    /** The privacy notice in the person's language: the Swedish text when no English one is set. */
    public String privacyNotice(Language language) {
        return language == Language.EN ? config.privacyNoticeEn().orElse(config.privacyNotice()) : config.privacyNotice();
    }

    /** Whether the notice is shown in the Swedish words on an English page (so the page marks it lang="sv"). */
    public boolean privacyNoticeInSwedish(Language language) {
        return language == Language.SV || config.privacyNoticeEn().isEmpty();
    }

    @Transactional
    public Visit visit(String token) {
        return find(token, false).map(this::visit).orElse(new Unknown());
    }

    private Visit visit(CheckedPerson row) {
        OwnDetails.Person person = details.of(row.contactId).orElse(null);
        ContactCheck check = ContactCheck.findById(row.checkId);
        if (person == null || check == null) {
            return new Unknown();
        }
        Language language = ContactChecks.language(person);
        if (!clock.instant().isBefore(check.validUntil)) {
            return new Expired(language);
        }
        if (row.ended) {
            return new Ended(language);
        }
        return new Open(person.name(), person.unit(), person.mobile(), person.email(), language, check.deadline,
                row.state == CheckedPerson.State.CONFIRMED || row.state == CheckedPerson.State.CHANGED,
                row.pendingMobile, row.pendingEmail, MAX_WRONG_CODES - row.codesTried);
    }

    @Transactional
    public Outcome confirm(String token) {
        CheckedPerson row = openRow(token);
        if (row == null) {
            return Outcome.CLOSED;
        }
        if (row.state == CheckedPerson.State.SENT || row.state == CheckedPerson.State.UNREACHABLE) {
            row.state = CheckedPerson.State.CONFIRMED;
            row.answeredAt = clock.instant();
        }
        details.confirm(row.contactId, "check=" + row.checkId);
        return Outcome.CONFIRMED;
    }

    /**
     * The correction form: a language is stored at once; a new mobile waits for its code and a new email for its
     * link. A blank field leaves the stored value as it is. Refused as a whole, changing nothing, when a value is wrong.
     */
    @Transactional
    public List<Outcome> correct(String token, String mobile, String email, String language) {
        CheckedPerson row = openRow(token);
        if (row == null) {
            return List.of(Outcome.CLOSED);
        }
        OwnDetails.Person person = details.of(row.contactId).orElseThrow();
        OwnDetails.Typed typed = details.typed(row.contactId, mobile, email);
        List<Outcome> outcomes = new ArrayList<>();
        Language chosen = Language.parse(language);
        if (chosen != null && !chosen.tag().equals(person.language())) {
            change(row, details.change(row.contactId, null, null, chosen.tag(), within(row)));
            outcomes.add(Outcome.SAVED);
        }
        CheckMessages words = (chosen == null ? ContactChecks.language(person) : chosen).messages(CheckMessages.class);
        if (typed.email() != null && !typed.email().equalsIgnoreCase(person.email() == null ? "" : person.email())) {
            String secret = LinkTokens.newToken();
            row.pendingEmail = typed.email();
            row.emailCodeHash = LinkTokens.hash(secret);
            outbox.send(Channel.EMAIL, typed.email(), words.emailConfirmText(outband.link("/self/" + token + "/email/" + secret)));
            audit.record(OwnDetails.actor(row.contactId), "contact.self-email-link-sent", "id=" + row.contactId + " " + within(row));
            outcomes.add(Outcome.EMAIL_SENT);
        }
        if (typed.mobile() != null && !typed.mobile().equals(person.mobile())) {
            if (row.codesSent >= MAX_CODES_SENT) {
                outcomes.add(Outcome.TOO_MANY_CODES);
            } else {
                String code = Secrets.newCode();
                row.pendingMobile = typed.mobile();
                row.codeHash = Secrets.codeHash(row, code);
                row.codeUntil = clock.instant().plus(config.codeValidFor());
                row.codesSent++;
                outbox.send(Channel.SMS, typed.mobile(), words.codeText(code, config.codeValidFor().toMinutes()));
                audit.record(OwnDetails.actor(row.contactId), "contact.self-code-sent", "id=" + row.contactId + " " + within(row));
                outcomes.add(Outcome.CODE_SENT);
            }
        }
        return outcomes.isEmpty() ? List.of(Outcome.NOTHING_CHANGED) : outcomes;
    }

    /**
     * The code sent to a new mobile. Each code entered takes a try before it is compared, with the person's row
     * locked, so codes sent at once are compared one after another and all count; the fifth wrong one ends the link.
     */
    @Transactional
    public Outcome code(String token, String code) {
        CheckedPerson row = openRow(token);
        if (row == null) {
            return Outcome.CLOSED;
        }
        if (row.pendingMobile == null) {
            return Outcome.NO_CODE_WAITING;
        }
        row.codesTried++;
        if (!clock.instant().isBefore(row.codeUntil)) {
            forgetCode(row);
            return Outcome.CODE_EXPIRED;
        }
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        if (typed.matches("\\d{6}") && Secrets.same(row.codeHash, Secrets.codeHash(row, typed))) {
            change(row, details.change(row.contactId, row.pendingMobile, null, null, within(row)));
            forgetCode(row);
            return Outcome.SAVED;
        }
        if (row.codesTried >= MAX_WRONG_CODES) {
            forgetCode(row);
            row.ended = true;
            audit.record(OwnDetails.actor(row.contactId), "contact.self-check-ended", "id=" + row.contactId + " wrong-codes="
                    + row.codesTried + " " + within(row));
            return Outcome.ENDED;
        }
        return Outcome.CODE_WRONG;
    }

    /** The link in the email sent to a new address: the address is stored once it is opened and confirmed. */
    @Transactional
    public Outcome confirmEmail(String token, String secret) {
        CheckedPerson row = openRow(token);
        if (row == null) {
            return Outcome.CLOSED;
        }
        if (row.pendingEmail == null || !LinkTokens.wellFormed(secret) || !Secrets.same(row.emailCodeHash, LinkTokens.hash(secret))) {
            return Outcome.EMAIL_LINK_WRONG;
        }
        change(row, details.change(row.contactId, null, row.pendingEmail, null, within(row)));
        row.pendingEmail = null;
        row.emailCodeHash = null;
        return Outcome.EMAIL_CONFIRMED;
    }

    /** Whether an email link of this person's is waiting (the page that asks to confirm it is shown only then). */
    @Transactional
    public boolean emailLinkWaiting(String token, String secret) {
        CheckedPerson row = find(token, false).orElse(null);
        return row != null && row.pendingEmail != null && LinkTokens.wellFormed(secret) && Secrets.same(row.emailCodeHash, LinkTokens.hash(secret));
    }

    private static void forgetCode(CheckedPerson row) {
        row.pendingMobile = null;
        row.codeHash = null;
        row.codeUntil = null;
    }

    private static String within(CheckedPerson row) {
        return "check=" + row.checkId;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private CheckedPerson openRow(String token) {
        CheckedPerson row = find(token, true).orElse(null);
        return row != null && visit(row) instanceof Open ? row : null;
    }

    private Optional<CheckedPerson> find(String token, boolean lock) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        var query = CheckedPerson.<CheckedPerson>find("tokenHash", LinkTokens.hash(token));
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).firstResultOptional();
    }

    private void change(CheckedPerson row, List<OwnDetails.Changed> changed) {
        Instant now = clock.instant();
        for (OwnDetails.Changed c : changed) {
            CheckChange change = new CheckChange();
            change.personId = row.id;
            change.field = c.field();
            change.oldValue = c.before();
            change.newValue = c.after();
            change.changedAt = now;
            change.persist();
        }
        if (!changed.isEmpty()) {
            row.state = CheckedPerson.State.CHANGED;
            row.answeredAt = now;
        }
    }
}
