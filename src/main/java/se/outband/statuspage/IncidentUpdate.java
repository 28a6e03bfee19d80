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

    /** The text on the English pages and feed; null shows the Swedish one, marked as Swedish. */
    @Column(name = "text_en")
    public String textEn;

    @Enumerated(EnumType.STRING)
    public IncidentState state;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The worst state of the incident's systems when this was posted; null when it named none (or is older than V39). */
    @Enumerated(EnumType.STRING)
    public SystemState impact;
}
