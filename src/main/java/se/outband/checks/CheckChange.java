package se.outband.checks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A field a person changed themself: HR carries it back into the HR system. */
@Entity
@Table(name = "check_change")
public class CheckChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "check_change_seq")
    @SequenceGenerator(name = "check_change_seq", sequenceName = "check_change_seq", allocationSize = 50)
    public Long id;

    @Column(name = "person_id")
    public Long personId;

    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "changed_at")
    public Instant changedAt;
}
