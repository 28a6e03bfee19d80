package se.outband.subscriptions;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Someone who asked for an SMS when the status page changes: all that is kept of them. */
@Entity
@Table(name = "sms_subscriber")
public class SmsSubscriber extends PanacheEntity {

    /** E.164, as the provider gave it. */
    public String mobile;

    /** "sv" or "en": the language of the word they subscribed with. */
    public String language;

    @Column(name = "subscribed_at")
    public Instant subscribedAt;

    @Column(name = "last_sent_at")
    public Instant lastSentAt;
}
