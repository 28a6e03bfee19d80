package se.outband.access;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One line of the append-only audit log: who did what, when. Never updated, never deleted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntity {

    public Instant at;

    public String actor;

    /** A stable code such as {@code contacts.imported} or {@code login.failed}. */
    public String action;

    /** What it was done to and with what result, e.g. "mode=merge created=3 updated=1". */
    public String details;
}
