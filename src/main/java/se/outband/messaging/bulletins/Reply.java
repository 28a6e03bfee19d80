package se.outband.messaging.bulletins;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** An SMS answer from a recipient, matched to one of the bulletin's reply options when possible. */
@Entity
@Table(name = "reply")
public class Reply extends PanacheEntity {

    @Column(name = "bulletin_id")
    public long bulletinId;

    @Column(name = "recipient_id")
    public long recipientId;

    @Column(name = "contact_id")
    public String contactId;

    public String name;

    @Column(name = "from_number")
    public String fromNumber;

    public String body;

    /** The matched option, null when the answer matched none. */
    public String answer;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Twilio's MessageSid: a repeated webhook finds it and adds nothing. */
    @Column(name = "message_sid")
    public String messageSid;

    /** Typed by a leader in dry-run mode for a drill, not sent by the recipient. */
    public boolean simulated;
}
