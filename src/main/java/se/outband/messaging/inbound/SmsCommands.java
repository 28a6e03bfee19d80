package se.outband.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import se.outband.access.AuditLog;
import se.outband.access.LeaderWithdrawn;
import se.outband.access.UserService;
import se.outband.common.Language;
import se.outband.common.Refused;
import se.outband.common.Sha256;
import se.outband.common.Violations;
import se.outband.contacts.ContactService;
import se.outband.contacts.GroupSummary;
import se.outband.messaging.bulletins.BulletinPreview;
import se.outband.messaging.bulletins.BulletinRequest;
import se.outband.messaging.bulletins.BulletinService;
import se.outband.messaging.meetings.SmsMeetings;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;

/**
 * SMS commands from a leader's own mobile. Only senders and admins are obeyed; anyone else gets no
 * answer, so a stranger learns nothing, not even that a number is known. A sender number can be
 * forged, so a SKICKA only sends after the six-digit code Outband texts to the real number comes
 * back from it within ten minutes; the code works once, and five wrong ones cancel it. Every answer,
 * the code's above all, is an SMS of its own to the leader's registered number, never the webhook's
 * response: whoever can post to the webhook (46elks' secret is in its address) with a leader's number
 * as sender would read it there.
 */
@ApplicationScoped
public class SmsCommands {

    private static final Logger LOG = Logger.getLogger(SmsCommands.class);
    static final Duration CODE_VALID = Duration.ofMinutes(10);
    static final int WRONG_CODES = 5;
    /**
     * Each SKICKA brings a fresh code and five more guesses: capped per number and hour, a forger
     * guessing from a leader's number gets 50 tries an hour at a one-in-a-million code.
     */
    static final int REQUESTS_PER_HOUR = 10;

    private final UserService users;
    private final ContactService contacts;
    private final BulletinService bulletins;
    private final NewestBulletin newest;
    private final IncomingReplies incoming;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SmsMeetings meetings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SmsCommands(UserService users, ContactService contacts, BulletinService bulletins, NewestBulletin newest,
            IncomingReplies incoming, AuditLog audit, Outbox outbox, SmsMeetings meetings, Clock clock) {
        this.meetings = meetings;
        this.incoming = incoming;
        this.outbox = outbox;
        this.users = users;
        this.contacts = contacts;
        this.bulletins = bulletins;
        this.newest = newest;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Obeys and answers an SMS from {@code from} (E.164) when it is a leader's command, and says so; false
     * when it is not (a stranger's message, or a leader answering a bulletin as staff), for the replies to
     * handle. The answer is queued in this transaction: it goes out once what it reports is stored.
     */
    @Transactional
    public boolean obey(String from, String body) {
        Optional<UserService.Leader> leader = users.leaderByMobile(from);
        SmsCommand command = SmsCommand.parse(body);
        if (leader.isEmpty()) {
            if (!(command instanceof SmsCommand.Other)) {
                LOG.infof("An SMS command from a number that is no leader's was ignored");
            }
            return false;
        }
        if (command instanceof SmsCommand.Other && incoming.awaited(from)) {
            return false;
        }
        String actor = leader.get().username() + " via SMS";
        CommandAnswer answer;
        if (command instanceof SmsCommand.Send send) {
            answer = request(from, send.groups(), send.text(), actor, leader.get().username());
        } else if (command instanceof SmsCommand.Meeting meeting) {
            answer = request(from, meeting.groups(), null, actor, leader.get().username());
        } else if (command instanceof SmsCommand.Code code) {
            answer = confirm(from, leader.get().username(), code.digits(), actor);
        } else if (command instanceof SmsCommand.Status) {
            answer = newest.status();
            audit.record(actor, "command.status", "");
        } else {
            answer = new CommandAnswer.Help();
            audit.record(actor, "command.help", "");
        }
        outbox.send(Channel.SMS, leader.get().mobile(), answer.text());
        return true;
    }

    /**
     * A SKICKA, or with no {@code text} a MÖTE. Counted while {@link UserService#leaderByMobile} holds the
     * leader's row: requests at once are counted one by one.
     */
    private CommandAnswer request(String from, List<String> groups, String text, String actor, String username) {
        if (PendingSend.count("fromNumber = ?1 and createdAt > ?2", from, clock.instant().minus(Duration.ofHours(1))) >= REQUESTS_PER_HOUR) {
            audit.record(actor, "command.refused", "more than " + REQUESTS_PER_HOUR + " requests in an hour");
            return new CommandAnswer.TooMany(REQUESTS_PER_HOUR);
        }
        Set<String> known = contacts.groups().stream().map(GroupSummary::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> unknown = groups.stream().filter(g -> !known.contains(g)).toList();
        if (groups.isEmpty() || !unknown.isEmpty()) {
            audit.record(actor, "command.refused", "unknown groups=" + unknown);
            return new CommandAnswer.UnknownGroups(unknown, List.copyOf(known));
        }
        BulletinPreview preview = null;
        int people;
        try {
            if (text == null) {
                people = meetings.invitees(groups);
            } else {
                preview = bulletins.send(request(groups, text), true, actor);
                people = preview.recipients();
            }
        } catch (Refused e) {
            return refused(actor, e.sentence(Language.SV));
        } catch (ConstraintViolationException e) {
            return refused(actor, Violations.sentence(e));
        }
        PendingSend.update("state = ?1 where fromNumber = ?2 and state = ?3", PendingSend.State.CANCELLED, from, PendingSend.State.PENDING);
        String code = String.format("%06d", random.nextInt(1_000_000));
        PendingSend pending = new PendingSend();
        pending.username = username;
        pending.fromNumber = from;
        pending.groups = String.join("\n", groups);
        pending.text = text == null ? "" : text;
        pending.meeting = text == null;
        pending.codeHash = Sha256.hex(code);
        pending.state = PendingSend.State.PENDING;
        pending.createdAt = clock.instant();
        pending.persist();
        if (preview == null) {
            audit.record(actor, "command.meeting-requested", "groups=%s people=%d".formatted(groups, people));
            return new CommandAnswer.ConfirmMeeting(groups, people, code);
        }
        audit.record(actor, "command.send-requested", "groups=%s recipients=%d text=%s".formatted(groups, people, text));
        return new CommandAnswer.Confirm(groups, people, preview.smsSegments(), false, code);
    }

    /**
     * The pending send is changed only by conditional updates whose count decides, never by writing back
     * what was read: each code takes one of the five tries before it is compared, and only the code whose
     * update moves the send from PENDING to SENT sends it. However many copies of a code arrive at once,
     * on however many instances, one bulletin goes out and no more than five codes are ever compared.
     */
    private CommandAnswer confirm(String from, String username, String code, String actor) {
        PendingSend pending = PendingSend.<PendingSend>find("fromNumber = ?1 and username = ?2 and state = ?3", Sort.descending("id"), from,
                username, PendingSend.State.PENDING).firstResult();
        if (pending == null || pending.createdAt.isBefore(clock.instant().minus(CODE_VALID))) {
            if (pending != null) {
                move(pending, PendingSend.State.EXPIRED);
            }
            audit.record(actor, "command.code-without-request", pending == null ? "" : "expired id=" + pending.id);
            return new CommandAnswer.NothingPending();
        }
        if (PendingSend.update("codesTried = codesTried + 1 where id = ?1 and state = ?2 and codesTried < ?3", pending.id,
                PendingSend.State.PENDING, WRONG_CODES) == 0) {
            audit.record(actor, "command.code-without-request", "no tries left id=" + pending.id);
            return new CommandAnswer.NothingPending();
        }
        if (!MessageDigest.isEqual(Sha256.hex(code).getBytes(StandardCharsets.US_ASCII), pending.codeHash.getBytes(StandardCharsets.US_ASCII))) {
            PendingSend.getEntityManager().refresh(pending);
            if (pending.codesTried >= WRONG_CODES) {
                move(pending, PendingSend.State.CANCELLED);
                audit.record(actor, "command.cancelled", "wrong codes=" + pending.codesTried);
                return new CommandAnswer.Cancelled();
            }
            audit.record(actor, "command.code-wrong", "wrong codes=" + pending.codesTried);
            return new CommandAnswer.WrongCode(WRONG_CODES - pending.codesTried);
        }
        if (!move(pending, PendingSend.State.SENT)) {
            audit.record(actor, "command.code-without-request", "already used id=" + pending.id);
            return new CommandAnswer.NothingPending();
        }
        try {
            if (pending.meeting) {
                return new CommandAnswer.MeetingCalled(meetings.call(pending.groupList(), actor));
            }
            BulletinPreview sent = bulletins.send(request(pending.groupList(), pending.text), false, actor);
            PendingSend.update("bulletinId = ?1 where id = ?2", sent.id(), pending.id);
            return new CommandAnswer.Sent(sent.id(), sent.recipients());
        } catch (Refused e) {
            return refused(actor, e.sentence(Language.SV));
        } catch (ConstraintViolationException e) {
            return refused(actor, Violations.sentence(e));
        }
    }

    /** Moves a pending send on, if nothing else has; true for the one caller that did. */
    private static boolean move(PendingSend pending, PendingSend.State to) {
        return PendingSend.update("state = ?1 where id = ?2 and state = ?3", to, pending.id, PendingSend.State.PENDING) == 1;
    }

    /**
     * A send waiting for its code dies with its user, their sender or admin role, or their mobile: the
     * code went to a phone or a person that no longer speaks for Outband. In the change's transaction, so
     * a code arriving meanwhile (which holds the same user's row) comes before the change or finds
     * nothing waiting.
     */
    void cancelWithdrawn(@Observes LeaderWithdrawn withdrawn) {
        int cancelled = PendingSend.update("state = ?1 where username = ?2 and state = ?3", PendingSend.State.CANCELLED,
                withdrawn.username(), PendingSend.State.PENDING);
        if (cancelled > 0) {
            audit.record("command.cancelled", "username=%s: user removed, role or mobile changed".formatted(withdrawn.username()));
        }
    }

    private CommandAnswer refused(String actor, String reason) {
        audit.record(actor, "command.refused", reason);
        return new CommandAnswer.Refused(reason);
    }

    private static BulletinRequest request(List<String> groups, String text) {
        return new BulletinRequest(text, groups, List.of(), "sms-then-email", false, List.of(), false);
    }
}
