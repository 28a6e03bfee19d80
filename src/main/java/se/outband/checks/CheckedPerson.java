package se.outband.checks;

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

/** One person asked in one check, with their answer and any change still waiting for its code. */
@Entity
@Table(name = "checked_person")
public class CheckedPerson extends PanacheEntityBase {

    enum State {
        SENT, CONFIRMED, CHANGED, UNREACHABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "checked_person_seq")
    @SequenceGenerator(name = "checked_person_seq", sequenceName = "checked_person_seq", allocationSize = 500)
    public Long id;

    @Column(name = "check_id")
    public Long checkId;

    @Column(name = "contact_id")
    public String contactId;

    /** SHA-256 of the link's token, hex: the token itself is only in the message the person got. */
    @Column(name = "token_hash")
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    public State state;

    /** "sms" or "email": how the link went out; null when it could not. */
    public String channel;

    @Column(name = "delivery_id")
    public Long deliveryId;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "pending_mobile")
    public String pendingMobile;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "code_until")
    public Instant codeUntil;

    @Column(name = "codes_tried")
    public int codesTried;

    @Column(name = "codes_sent")
    public int codesSent;

    public boolean ended;

    @Column(name = "pending_email")
    public String pendingEmail;

    @Column(name = "email_code_hash")
    public String emailCodeHash;
}
