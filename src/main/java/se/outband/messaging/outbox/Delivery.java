package se.outband.messaging.outbox;

import java.time.Instant;
import java.util.Optional;

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

/** One message on one channel to one recipient: the outbox row the dispatcher works through. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 500)
    public Long id;

    /** The bulletin it is part of; null for a message of its own ({@link #body}). */
    @Column(name = "bulletin_id")
    public Long bulletinId;

    @Column(name = "recipient_id")
    public Long recipientId;

    /** The text of a message of its own; null for a bulletin's, whose text is the bulletin's. */
    public String body;

    /** Where the recipient of a message of its own ends what they asked for: one click (RFC 8058), kept until it is sent. */
    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** E.164 number or email address. */
    public String address;

    @Enumerated(EnumType.STRING)
    public DeliveryState state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The instance sending it, while SENDING: another instance leaves it alone until {@link #leaseUntil}. */
    @Column(name = "leased_by")
    public String leasedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** The provider that took or refused it (SMS or call): only its reports apply. Null for email and until it is sent. */
    public String provider;

    /** The provider's message id (Twilio's MessageSid, 46elks' id), or the email's Message-ID. */
    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "last_error")
    public String lastError;

    /** The SMS delivery this email replaces. */
    @Column(name = "fallback_of")
    public Long fallbackOf;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the message was known to have arrived (delivered receipt, or accepted by the mail relay). */
    @Column(name = "reached_at")
    public Instant reachedAt;

    /** A new delivery, due now: persist it in the transaction that decided to send it. */
    public static Delivery queued(Long bulletinId, Long recipientId, Channel channel, String address, Long fallbackOf, Instant now) {
        Delivery delivery = new Delivery();
        delivery.bulletinId = bulletinId;
        delivery.recipientId = recipientId;
        delivery.channel = channel;
        delivery.address = address;
        delivery.state = DeliveryState.QUEUED;
        delivery.nextAttemptAt = now;
        delivery.fallbackOf = fallbackOf;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }

    /** The delivery with this id if it is a call: all that a call's webhooks may act on. */
    public static Optional<Delivery> call(long id) {
        return Delivery.<Delivery>findByIdOptional(id).filter(delivery -> delivery.channel == Channel.VOICE);
    }
}
