package se.outband.subscriptions;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Someone who asked, on the status page, for an email when it changes: all that is kept of them. */
@Entity
@Table(name = "email_subscriber")
public class EmailSubscriber extends PanacheEntity {

    /** As given, in lower case: one row per mailbox however it is typed. */
    public String email;

    /** "sv" or "en", from the form. */
    public String language;

    /** SHA-256 of the confirmation link's token, while one is waiting; null once confirmed. */
    @Column(name = "confirm_hash")
    public String confirmHash;

    @Column(name = "confirm_until")
    public Instant confirmUntil;

    /** The day (Swedish time) that {@link #confirmationsSent} counts. */
    @Column(name = "confirmations_on")
    public LocalDate confirmationsOn;

    @Column(name = "confirmations_sent")
    public int confirmationsSent;

    /** In every mail's unsubscribe link: it ends this subscription and can do nothing else. */
    @Column(name = "unsubscribe_token")
    public String unsubscribeToken;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Null until the link in the confirmation mail is followed: only confirmed addresses get notices. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "last_sent_at")
    public Instant lastSentAt;
}
