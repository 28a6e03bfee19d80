package se.outband.messaging.meetings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone invited to a meeting or dialled in to it, and where their call stands. */
@Entity
@Table(name = "meeting_person")
public class MeetingPerson extends PanacheEntityBase {

    /** Where a person's call stands, as the live view shows it. */
    public enum State {
        /** No number to call: they have the SMS at most. */
        NOT_CALLED,
        CALLING,
        /** Pressed 1 or gave the PIN: on their way into the conference. */
        JOINING,
        IN,
        LEFT,
        DECLINED,
        NO_ANSWER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_person_seq")
    @SequenceGenerator(name = "meeting_person_seq", sequenceName = "meeting_person_seq", allocationSize = 50)
    public Long id;

    @Column(name = "meeting_id")
    public long meetingId;

    /** Null for a dial-in from a number no one invited has. */
    @Column(name = "contact_id")
    public String contactId;

    public String name;

    public String phone;

    @Enumerated(EnumType.STRING)
    public State state;

    /** Twilio's id of the person's latest call: how the conference's reports find them. */
    @Column(name = "call_sid")
    public String callSid;

    @Column(name = "changed_at")
    public Instant changedAt;
}
