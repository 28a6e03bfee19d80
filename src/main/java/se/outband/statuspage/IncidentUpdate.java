package se.outband.statuspage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
@Table(name = "incident_update")
public class IncidentUpdate extends PanacheEntity {

    @Column(name = "incident_id")
    public long incidentId;

    public String text;

    @Enumerated(EnumType.STRING)
    public IncidentState state;

    @Column(name = "created_at")
    public Instant createdAt;
}
