package se.outband.messaging.inbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A SKICKA (or MÖTE) from a leader's mobile, waiting for the code Outband answered with. */
@Entity
@Table(name = "sms_command")
public class PendingSend extends PanacheEntity {

    enum State {
        PENDING, SENT, CANCELLED, EXPIRED
    }

    public String username;

    @Column(name = "from_number")
    public String fromNumber;

    /** One group name per line. */
    public String groups;

    public String text;

    /** SHA-256 of the code: the code itself is only ever in the leader's SMS. */
    @Column(name = "code_hash")
    public String codeHash;

    /** Codes compared with the code hash so far, right or wrong: each takes a try before it is compared. */
    @Column(name = "codes_tried")
    public int codesTried;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "created_at")
    public Instant createdAt;

    /** A MÖTE: the code calls a meeting of the groups instead of sending a bulletin. */
    public boolean meeting;

    @Column(name = "bulletin_id")
    public Long bulletinId;

    List<String> groupList() {
        return Arrays.asList(groups.split("\n"));
    }
}
