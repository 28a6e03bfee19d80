package se.outband.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed-in browser. The cookie holds a random id; this row holds its hash and who it belongs to. */
@Entity
@Table(name = "web_session")
public class WebSession extends PanacheEntityBase {

    enum State {
        /** Signed in. */
        ACTIVE,
        /** The password was right; the second factor's code is still to come. */
        SECOND_FACTOR
    }

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "user_id")
    public long userId;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
