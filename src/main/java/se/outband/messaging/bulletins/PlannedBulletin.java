package se.outband.messaging.bulletins;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A bulletin to be sent later: the request as the leader made it, and what became of it. */
@Entity
@Table(name = "planned_bulletin")
public class PlannedBulletin extends PanacheEntity {

    /** PLANNED until it is sent (SENT), cancelled (CANCELLED) or could no longer be sent when due (REFUSED). */
    public enum State {
        PLANNED, SENT, CANCELLED, REFUSED
    }

    @Column(name = "send_at")
    public Instant sendAt;

    @Enumerated(EnumType.STRING)
    public State state;

    /** The request as JSON, without its send time: what is sent when it is due. */
    public String request;

    public String text;

    public boolean drill;

    /** How many it would reach when planned; the audience is read again when it is sent. */
    public int recipients;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "bulletin_id")
    public Long bulletinId;

    /** The instance that sent it. */
    @Column(name = "sent_by")
    public String sentBy;

    /** Why it could not be sent when due, in Swedish (the log and the listing say it). */
    public String problem;
}
