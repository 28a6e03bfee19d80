package se.outband.messaging.bulletins;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A ready text a leader starts a bulletin from; [placeholders] must be filled in before sending. */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends PanacheEntity {

    public String name;

    public String text;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
