package se.outband.messaging.meetings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A crisis team's phone meeting: one Twilio conference, called together by a leader. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_seq")
    @SequenceGenerator(name = "meeting_seq", sequenceName = "meeting_seq", allocationSize = 50)
    public Long id;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public boolean drill;

    /** The groups and contact ids the leader chose, as written. */
    public String chosen;

    @Column(name = "pin_salt")
    public String pinSalt;

    @Column(name = "pin_hash")
    public String pinHash;

    /** The PIN, and with it dialling in, works until then. */
    @Column(name = "pin_valid_until")
    public Instant pinValidUntil;

    /** Twilio's id of the conference, known from its first status report: needed to end it. */
    @Column(name = "conference_sid")
    public String conferenceSid;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Counted by statement only (several calls at once, on several instances): never written from a loaded meeting. */
    @Column(name = "wrong_pins", insertable = false, updatable = false)
    public int wrongPins;

    boolean running(Instant now) {
        return endedAt == null && now.isBefore(pinValidUntil);
    }

    /** Whether its PIN still lets a caller in: not after {@link MeetingCallbacks#WRONG_PINS} wrong ones. */
    boolean dialInOpen() {
        return wrongPins < MeetingCallbacks.WRONG_PINS;
    }

    /** The conference's name at Twilio: unique per account, and what every call to this meeting dials. */
    String conferenceName() {
        return "outband-meeting-" + id;
    }
}
