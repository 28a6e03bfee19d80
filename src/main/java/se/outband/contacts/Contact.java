package se.outband.contacts;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member of staff, keyed by the organisation's own id (e.g. employee number) so re-imports match. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** E.164, e.g. +46701740605. */
    public String mobile;

    /** An external mailbox: the organisation's own mail is down in a crisis. */
    public String email;

    public String language;

    public String title;

    public String unit;

    @ElementCollection
    @CollectionTable(name = "contact_group", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "group_name")
    public Set<String> groups = new HashSet<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    public ContactData toData() {
        return new ContactData(id, name, mobile, email, groups.stream().sorted().toList(), language, title, unit, List.of());
    }

    /** Copies validated data onto this contact. */
    void apply(ContactData data, Instant now) {
        id = data.id();
        name = data.name();
        mobile = data.mobile();
        email = data.email();
        language = data.language();
        title = data.title();
        unit = data.unit();
        if (!groups.equals(Set.copyOf(data.groups()))) {
            groups.clear();
            groups.addAll(data.groups());
        }
        updatedAt = now;
    }

    /** True when applying {@code data} would change nothing. */
    boolean sameAs(ContactData data) {
        return toData().withoutWarnings().equals(data.withoutWarnings());
    }
}
