package se.outband.messaging.bulletins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person a bulletin was sent to, as their contact details were at that moment: later edits of the
 * contact list neither change nor lose what was sent.
 */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recipient_seq")
    @SequenceGenerator(name = "recipient_seq", sequenceName = "recipient_seq", allocationSize = 500)
    public Long id;

    @Column(name = "bulletin_id")
    public long bulletinId;

    @Column(name = "contact_id")
    public String contactId;

    public String name;

    public String mobile;

    public String email;
}
