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

    /** Whether every SMS subscriber's is queued (true from the start when there were none). */
    public boolean done;

    /** The notice as an email, whole: a mail has room for all the leader wrote. */
    @Column(name = "mail_sv")
    public String mailSv;

    @Column(name = "mail_en")
    public String mailEn;

    /** The highest email subscriber id whose mail is queued. */
    @Column(name = "mail_queued_through")
    public long mailQueuedThrough;

    @Column(name = "mail_done")
    public boolean mailDone;

    /** When the last SMS of it was queued; null until then, and for a notice merged into a later one. */
    @Column(name = "sms_done_at")
    public Instant smsDoneAt;

    @Column(name = "mail_done_at")
    public Instant mailDoneAt;
}
