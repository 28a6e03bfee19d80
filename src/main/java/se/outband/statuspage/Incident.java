package se.outband.statuspage;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Something that went wrong, with a timeline of updates; its first update is the text it was opened with. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntity {

    public String title;

    /** The title on the English pages and feed; null shows the Swedish one, marked as Swedish. */
    @Column(name = "title_en")
    public String titleEn;

    @Enumerated(EnumType.STRING)
    public IncidentState state;

    @ElementCollection
    @CollectionTable(name = "incident_service", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "service_id")
    public Set<Long> serviceIds = new HashSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
