package se.outband.messaging.meetings;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.Language;
import se.outband.common.OutbandConfig;
import se.outband.messaging.providers.voice.VoiceConfig;

/**
 * What Twilio's signed webhooks do to a meeting: an invited person's key, a call that ended unanswered,
 * the conference's reports of who joined and left, and a dial-in's PIN. Every join, leave and end is audited.
 */
@ApplicationScoped
public class MeetingCallbacks {

    /** The third wrong PIN ends the call. */
    static final int PIN_TRIES = 3;
    /**
     * Wrong PINs after which a running meeting's PIN opens nothing: one in a million is guessed in a call's three
     * tries, but many calls could try many PINs. Those invited are still called in; a new meeting has a new PIN.
     */
    static final int WRONG_PINS = 30;
    private static final String DIAL_IN_OPEN = "endedAt is null and pinValidUntil > ?1 and wrongPins < ?2";
    private static final String TWILIO = "twilio";

    private final AuditLog audit;
    private final OutbandConfig outband;
    private final Clock clock;
    private final MeetingTwiml twiml;

    MeetingCallbacks(AuditLog audit, OutbandConfig outband, VoiceConfig voice, Clock clock) {
        this.audit = audit;
        this.outband = outband;
        this.clock = clock;
        this.twiml = new MeetingTwiml(voice.voice(), Language.SV.messages(MeetingMessages.class));
    }

    /** Whether a meeting runs that a caller can join with its PIN: only then does the hotline offer 5. */
    @Transactional
    public boolean running() {
        return Meeting.count(DIAL_IN_OPEN, clock.instant(), WRONG_PINS) > 0;
    }

    /** The hotline's 5: TwiML that asks for the PIN. */
    public String askForPin() {
        return twiml.askForPin(MeetingPaths.pin(1), false);
    }

    /** An invited person answered the call. */
    @Transactional
    public String answered(long personId) {
        Optional<Meeting> meeting = meetingOf(personId);
        if (meeting.isEmpty()) {
            return twiml.hangUp(words().over());
        }
        return twiml.invite(meeting.get().drill, MeetingPaths.person(personId) + "/keypad", false);
    }

    /** 1 joins, 2 declines, anything else asks again. */
    @Transactional
    public String keypad(long personId, String digits, String callSid) {
        Optional<Meeting> meeting = meetingOf(personId);
        if (meeting.isEmpty()) {
            return twiml.hangUp(words().over());
        }
        MeetingPerson person = MeetingPerson.findById(personId);
        if ("1".equals(digits)) {
            change(person, MeetingPerson.State.JOINING, callSid);
            return twiml.join(meeting.get(), conferenceCallback(meeting.get()));
        }
        if ("2".equals(digits)) {
            change(person, MeetingPerson.State.DECLINED, callSid);
            audit.record(TWILIO, "meeting.declined", "meeting=%d person=%d".formatted(person.meetingId, personId));
            return twiml.hangUp(words().declined());
        }
        return twiml.invite(meeting.get().drill, MeetingPaths.person(personId) + "/keypad", true);
    }

    /** An invited person's call ended: if they never pressed a key (no answer, busy, voicemail), they did not answer. */
    @Transactional
    public void callEnded(long personId, String callSid) {
        MeetingPerson person = MeetingPerson.findById(personId);
        if (person != null && person.state == MeetingPerson.State.CALLING && (person.callSid == null || person.callSid.equals(callSid))) {
            change(person, MeetingPerson.State.NO_ANSWER, callSid);
        }
    }

    /** The conference's report: participant-join, participant-leave, conference-end (others are not asked for). */
    @Transactional
    public void conference(long meetingId, String event, String callSid, String conferenceSid) {
        Meeting meeting = Meeting.findById(meetingId);
        if (meeting == null) {
            return;
        }
        if (meeting.conferenceSid == null && conferenceSid != null) {
            meeting.conferenceSid = conferenceSid;
        }
        if ("conference-end".equals(event)) {
            if (meeting.endedAt == null) {
                meeting.endedAt = clock.instant();
            }
            MeetingPerson.update("state = ?1, changedAt = ?2 where meetingId = ?3 and state = ?4", MeetingPerson.State.LEFT,
                    clock.instant(), meetingId, MeetingPerson.State.IN);
            audit.record(TWILIO, "meeting.conference-ended", "meeting=%d".formatted(meetingId));
            return;
        }
        MeetingPerson person = callSid == null ? null
                : MeetingPerson.<MeetingPerson>find("meetingId = ?1 and callSid = ?2", meetingId, callSid).firstResult();
        if (person == null) {
            return;
        }
        if ("participant-join".equals(event)) {
            change(person, MeetingPerson.State.IN, callSid);
            audit.record(TWILIO, "meeting.joined", "meeting=%d person=%d".formatted(meetingId, person.id));
        } else if ("participant-leave".equals(event)) {
            change(person, MeetingPerson.State.LEFT, callSid);
            audit.record(TWILIO, "meeting.left", "meeting=%d person=%d".formatted(meetingId, person.id));
        }
    }

    /**
     * A dial-in's PIN: the right one of any running meeting joins it (as the person invited, when calling
     * from their number); the third wrong one ends the call.
     */
    @Transactional
    public String pin(int attempt, String digits, String from, String callSid) {
        Meeting meeting = Meeting.<Meeting>list(DIAL_IN_OPEN, clock.instant(), WRONG_PINS).stream()
                .filter(m -> Pins.opens(m, digits)).findFirst().orElse(null);
        if (meeting == null) {
            audit.record(TWILIO, "meeting.pin-refused", "attempt=%d".formatted(attempt));
            countWrongPin();
            return attempt >= PIN_TRIES ? twiml.hangUp(words().wrongPin()) : twiml.askForPin(MeetingPaths.pin(attempt + 1), true);
        }
        MeetingPerson person = from == null ? null
                : MeetingPerson.<MeetingPerson>find("meetingId = ?1 and phone = ?2", meeting.id, from).firstResult();
        if (person == null) {
            person = new MeetingPerson();
            person.meetingId = meeting.id;
            person.name = from == null ? "?" : from;
            person.phone = from;
            person.state = MeetingPerson.State.JOINING;
            person.changedAt = clock.instant();
            person.persist();
        }
        change(person, MeetingPerson.State.JOINING, callSid);
        audit.record(TWILIO, "meeting.dialled-in", "meeting=%d person=%d".formatted(meeting.id, person.id));
        return twiml.join(meeting, conferenceCallback(meeting));
    }

    /** Counts the wrong PIN against every meeting it could have been for; the one that reaches the limit closes, audited. */
    private void countWrongPin() {
        Instant now = clock.instant();
        Meeting.update("wrongPins = wrongPins + 1 where " + DIAL_IN_OPEN, now, WRONG_PINS);
        Meeting.<Meeting>list("endedAt is null and pinValidUntil > ?1 and wrongPins = ?2", now, WRONG_PINS).forEach(
                m -> audit.record(TWILIO, "meeting.dial-in-closed", "meeting=%d wrong-pins=%d".formatted(m.id, WRONG_PINS)));
    }

    private Optional<Meeting> meetingOf(long personId) {
        MeetingPerson person = MeetingPerson.findById(personId);
        return Optional.ofNullable(person).map(p -> Meeting.<Meeting>findById(p.meetingId)).filter(m -> m.running(clock.instant()));
    }

    private void change(MeetingPerson person, MeetingPerson.State state, String callSid) {
        person.state = state;
        if (callSid != null) {
            person.callSid = callSid;
        }
        person.changedAt = clock.instant();
    }

    private String conferenceCallback(Meeting meeting) {
        return outband.link(MeetingPaths.conference(meeting.id));
    }

    private static MeetingMessages words() {
        return Language.SV.messages(MeetingMessages.class);
    }
}
