package se.outband.messaging.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.outband.access.AuditLog;
import se.outband.common.PhoneNumbers;
import se.outband.messaging.providers.voice.CallGateway;

/** Meetings as the leader follows them: who is in, who declined, who did not answer. */
@ApplicationScoped
public class MeetingViews {

    private static final int LISTED = 50;

    /**
     * A call rings at most a minute at Twilio before it gives up and reports: one still "being called" after this was
     * never placed (Outband stopped before it got to it) or its report was lost, and the leader must be able to call again.
     */
    static final Duration RINGS_AT_MOST = Duration.ofMinutes(2);

    /**
     * {@code shownPhone}: the number as people here write it (070-174 06 05); {@code ringingTooLong}: called longer ago than
     * any call rings.
     */
    public record PersonView(long id, String contactId, String name, String phone, String shownPhone, String state,
            boolean ringingTooLong) {
        /** Someone the leader may call again: with a number, and not in the meeting, on their way in or being called now. */
        public boolean callable() {
            return phone != null && !"IN".equals(state) && !"JOINING".equals(state) && (!"CALLING".equals(state) || ringingTooLong);
        }
    }

    public record MeetingView(long id, boolean drill, boolean running, Instant createdAt, String createdBy, String chosen,
            String dialIn, boolean dialInOpen, boolean calls, List<PersonView> people) {
        public long count(String state) {
            return people.stream().filter(p -> p.state().equals(state)).count();
        }
    }

    public record Summary(long id, boolean drill, boolean running, Instant createdAt, String createdBy, String chosen) {
    }

    private final CallGateway calls;
    private final AuditLog audit;
    private final Clock clock;
    private final PhoneNumbers phoneNumbers;

    MeetingViews(CallGateway calls, AuditLog audit, Clock clock, PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
        this.calls = calls;
        this.audit = audit;
        this.clock = clock;
    }

    /** One meeting with everyone's number: a read of contact details, audited. */
    @Transactional
    public MeetingView view(long id) {
        Meeting meeting = Meetings.find(id);
        Instant longAgo = clock.instant().minus(RINGS_AT_MOST);
        List<PersonView> people = MeetingPerson.<MeetingPerson>list("meetingId = ?1 order by name, id", id).stream()
                .map(p -> new PersonView(p.id, p.contactId, p.name, p.phone, p.phone == null ? null : phoneNumbers.display(p.phone),
                        p.state.name(), p.changedAt != null && p.changedAt.isBefore(longAgo))).toList();
        audit.recordRead("meeting.read", "meeting=" + id, people.size());
        return new MeetingView(id, meeting.drill, meeting.running(clock.instant()), meeting.createdAt, meeting.createdBy, meeting.chosen,
                calls.number().orElse(null), meeting.dialInOpen(), calls.available(), people);
    }

    /** The newest meetings first. */
    @Transactional
    public List<Summary> list() {
        Instant now = clock.instant();
        return Meeting.<Meeting>find("order by id desc").page(0, LISTED).list().stream()
                .map(m -> new Summary(m.id, m.drill, m.running(now), m.createdAt, m.createdBy, m.chosen)).toList();
    }

    /** Whether meetings can be held at all, and whether Outband can call people into them. */
    public boolean number() {
        return calls.number().isPresent();
    }

    public boolean calling() {
        return calls.available();
    }
}
