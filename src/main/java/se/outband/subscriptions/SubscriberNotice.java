package se.outband.subscriptions;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One change of the status page to tell every subscriber, worded once per language, until it is all queued. */
@Entity
@Table(name = "subscriber_notice")
public class SubscriberNotice extends PanacheEntity {

    @Column(name = "update_id")
    public long updateId;

    @Column(name = "text_sv")
    public String textSv;

    @Column(name = "text_en")
    public String textEn;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The highest subscriber id whose SMS is queued; 0 before the first batch. */
    @Column(name = "queued_through")
    public long queuedThrough;

    public boolean done;
}
