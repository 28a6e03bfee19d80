package se.outband.checks;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** HR asking a set of people to confirm their own contact details by a deadline. */
@Entity
@Table(name = "contact_check")
public class ContactCheck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_check_seq")
    @SequenceGenerator(name = "contact_check_seq", sequenceName = "contact_check_seq", allocationSize = 50)
    public Long id;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public LocalDate deadline;

    /** The end of the deadline day in Swedish time: the links stop working then. */
    @Column(name = "valid_until")
    public Instant validUntil;

    /** The groups and units chosen, as HR wrote them ("everyone" when none). */
    public String chosen;

    @Column(name = "reminded_at")
    public Instant remindedAt;
}
