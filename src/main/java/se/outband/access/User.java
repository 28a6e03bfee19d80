package se.outband.access;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** An Outband account. Outband keeps its own accounts: the organisation's directory may be down. */
@Entity
@Table(name = "outband_user")
public class User extends PanacheEntity {

    public String username;

    /** bcrypt, in Modular Crypt Format. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated, from {@link Roles}. */
    public String roles;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "first_failed_at")
    public Instant firstFailedAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    public static User findByUsername(String username) {
        return find("username", username).firstResult();
    }

    Set<String> roleSet() {
        return Roles.split(roles);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
