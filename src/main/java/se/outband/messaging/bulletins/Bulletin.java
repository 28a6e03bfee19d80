package se.outband.messaging.bulletins;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import se.outband.messaging.providers.sms.SmsSegments;

/** One message to many people, exactly as it was sent. */
@Entity
@Table(name = "bulletin")
public class Bulletin extends PanacheEntity {

    /** What the leader wrote. */
    public String text;

    /** What recipients get: the text with the drill prefix and the reply line. */
    public String message;

    @Enumerated(EnumType.STRING)
    public ChannelPolicy channels;

    public boolean drill;

    /** Comma-separated, upper case; null when no reply is asked for. */
    @Column(name = "reply_options")
    public String replyOptions;

    /** The groups and people chosen, for listings and the audit log. */
    public String audience;

    @Column(name = "recipient_count")
    public int recipientCount;

    @Column(name = "sms_segments")
    public int smsSegments;

    @Enumerated(EnumType.STRING)
    public SmsSegments.Encoding encoding;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public List<String> replyOptionList() {
        return replyOptions == null ? List.of() : Arrays.asList(replyOptions.split(","));
    }
}
