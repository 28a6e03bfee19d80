package se.outband.statuspage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A system on the status page (email, telephony, payroll…) with its state and place in the restoration order. */
@Entity
@Table(name = "status_service")
public class MonitoredSystem extends PanacheEntity {

    public String name;

    @Column(name = "group_name")
    public String groupName;

    @Enumerated(EnumType.STRING)
    public SystemState state;

    /** 1 is restored first. */
    public int priority;

    public String note;

    /** English versions for the English pages; null shows the Swedish, marked as Swedish. */
    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "note_en")
    public String noteEn;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
