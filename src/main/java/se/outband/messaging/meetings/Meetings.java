package se.outband.messaging.meetings;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.Refused;
import se.outband.common.Text;
import se.outband.contacts.Addressee;
import se.outband.contacts.ContactService;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Outbox;
import se.outband.messaging.providers.voice.CallGateway;

/**
 * A leader calling the crisis team together, adding people, calling someone again and ending the meeting.
 * The SMS with the dial-in number and PIN go through the outbox in the meeting's transaction; the calls
 * start once it has committed ({@link MeetingCalls}).
 */
@ApplicationScoped
public class Meetings {

    /** Twilio's conferences take 250; this bounds what one leader's click costs. */
    public static final int MAX_PEOPLE = 50;
    static final Duration PIN_VALID = Duration.ofHours(24);

    private final ContactService contacts;
    private final CallGateway calls;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Event<MeetingCalls.Due> due;
    private final Clock clock;

    Meetings(ContactService contacts, CallGateway calls, Outbox outbox, AuditLog audit, Event<MeetingCalls.Due> due, Clock clock) {
        this.contacts = contacts;
        this.calls = calls;
        this.outbox = outbox;
        this.audit = audit;
        this.due = due;
        this.clock = clock;
    }

    /** What calling a meeting came to: its id, how many were invited and called, and the number to dial in on. */
    public record Called(long id, int people, int called, String dialIn) {
    }

    /** Calls a meeting; refused (nothing sent) when a group or contact is unknown, nobody or too many are chosen, or there is no number. */
    @Transactional
    public Called call(MeetingRequest request, String by) {
        String number = calls.number().orElseThrow(() -> new Refused(new MeetingRefusal.NoNumber()));
        List<Addressee> people = within(chosen(request), 0);
        Meeting meeting = new Meeting();
        meeting.createdAt = clock.instant();
        meeting.createdBy = Text.clip(by, 100);
        meeting.drill = request.isDrill();
        meeting.chosen = Text.clip(request.describe(), 1000);
        String pin = Pins.newPin();
        meeting.pinSalt = Pins.newSalt();
        meeting.pinHash = Pins.hash(meeting.pinSalt, pin);
        meeting.pinValidUntil = meeting.createdAt.plus(PIN_VALID);
        meeting.persist();
        int called = invite(meeting, people, number, pin);
        audit.record("meeting.called", "meeting=%d %s people=%d called=%d drill=%s"
                .formatted(meeting.id, meeting.chosen, people.size(), called, meeting.drill));
        return new Called(meeting.id, people.size(), called, number);
    }

    /**
     * How many a meeting would invite; refused as {@link #call} would be, and nothing is sent. Not a
     * transaction of its own: a refusal must not mark the caller's (an SMS command's) for rollback.
     */
    public int invitees(MeetingRequest request) {
        calls.number().orElseThrow(() -> new Refused(new MeetingRefusal.NoNumber()));
        return within(chosen(request), 0).size();
    }

    /**
     * Invites more people to a running meeting by calling them: only the PIN's hash is kept, so there is
     * no PIN to send them by SMS (a new one would lock out those who have the first). Returns how many.
     */
    @Transactional
    public int add(long meetingId, MeetingRequest request) {
        Meeting meeting = running(meetingId);
        if (!calls.available()) {
            throw new Refused(new MeetingRefusal.NoCalls());
        }
        List<String> already = MeetingPerson.<MeetingPerson>list("meetingId", meetingId).stream()
                .map(p -> p.contactId).filter(id -> id != null).toList();
        List<Addressee> people = within(chosen(request).stream().filter(a -> !already.contains(a.id())).toList(),
                (int) MeetingPerson.count("meetingId", meetingId));
        int called = invite(meeting, people, null, null);
        audit.record("meeting.added", "meeting=%d %s people=%d called=%d".formatted(meetingId, Text.clip(request.describe(), 900),
                people.size(), called));
        return people.size();
    }

    /** Calls someone again who did not answer, declined or left. */
    @Transactional
    public void callAgain(long meetingId, long personId) {
        running(meetingId);
        MeetingPerson person = MeetingPerson.findById(personId);
        if (person == null || person.meetingId != meetingId) {
            throw new Refused(new MeetingRefusal.PersonNotFound(personId));
        }
        if (!calls.available() || person.phone == null) {
            throw new Refused(new MeetingRefusal.NoCalls());
        }
        person.state = MeetingPerson.State.CALLING;
        person.changedAt = clock.instant();
        due.fire(new MeetingCalls.Due(List.of(person.id)));
        audit.record("meeting.called-again", "meeting=%d person=%d".formatted(meetingId, personId));
    }

    /** Ends the meeting: nobody can dial in any more, and Twilio hangs up everyone still in it. */
    @Transactional
    public void end(long meetingId) {
        Meeting meeting = running(meetingId);
        meeting.endedAt = clock.instant();
        if (meeting.conferenceSid != null) {
            calls.endConference(meeting.conferenceSid);
        }
        audit.record("meeting.ended", "meeting=%d".formatted(meetingId));
    }

    static Meeting find(long meetingId) {
        Meeting meeting = Meeting.findById(meetingId);
        if (meeting == null) {
            throw new Refused(new MeetingRefusal.MeetingNotFound(meetingId));
        }
        return meeting;
    }

    private Meeting running(long meetingId) {
        Meeting meeting = find(meetingId);
        if (!meeting.running(clock.instant())) {
            throw new Refused(new MeetingRefusal.MeetingOver(meetingId));
        }
        return meeting;
    }

    private List<Addressee> chosen(MeetingRequest request) {
        ContactService.Audience audience = contacts.resolve(request.groups(), request.contactIds());
        if (!audience.unknownGroups().isEmpty()) {
            throw new Refused(new MeetingRefusal.UnknownGroups(audience.unknownGroups()));
        }
        if (!audience.unknownIds().isEmpty()) {
            throw new Refused(new MeetingRefusal.UnknownContacts(audience.unknownIds()));
        }
        if (audience.addressees().isEmpty()) {
            throw new Refused(new MeetingRefusal.NobodyChosen());
        }
        return audience.addressees();
    }

    private static List<Addressee> within(List<Addressee> people, int already) {
        if (already + people.size() > MAX_PEOPLE) {
            throw new Refused(new MeetingRefusal.TooMany(already + people.size(), MAX_PEOPLE));
        }
        return people;
    }

    /** Stores each person, sends the SMS (when there is a PIN to send) and has them called; returns how many are called. */
    private int invite(Meeting meeting, List<Addressee> people, String number, String pin) {
        boolean calling = calls.available();
        MeetingMessages words = Language.SV.messages(MeetingMessages.class);
        List<Long> toCall = new ArrayList<>();
        for (Addressee addressee : people) {
            MeetingPerson person = new MeetingPerson();
            person.meetingId = meeting.id;
            person.contactId = addressee.id();
            person.name = Text.clip(addressee.name(), 200);
            person.phone = addressee.mobile();
            person.changedAt = clock.instant();
            person.state = calling && person.phone != null ? MeetingPerson.State.CALLING : MeetingPerson.State.NOT_CALLED;
            person.persist();
            if (person.phone != null && pin != null) {
                outbox.send(Channel.SMS, person.phone, words.smsInvite(meeting.drill, number, pin, calling));
            }
            if (person.state == MeetingPerson.State.CALLING) {
                toCall.add(person.id);
            }
        }
        if (!toCall.isEmpty()) {
            due.fire(new MeetingCalls.Due(toCall));
        }
        return toCall.size();
    }
}
