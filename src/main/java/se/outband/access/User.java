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

    /** The user's own mobile in E.164, or null: SMS commands are obeyed only from it. */
    public String mobile;

    /** Comma-separated, from {@link Roles}. */
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Base32 TOTP secret once the user has enrolled a second factor; null otherwise. */
    @Column(name = "totp_secret")
    public String totpSecret;

    /** The secret shown as a QR code while enrolling, until a first code confirms it. */
    @Column(name = "totp_pending_secret")
    public String totpPendingSecret;

    /** The last time step whose code was accepted: a code works once. */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    public static User findByUsername(String username) {
        return find("username", username).firstResult();
    }

    Set<String> roleSet() {
        return Roles.split(roles);
    }

    boolean hasSecondFactor() {
        return totpSecret != null;
    }

    /** A role of theirs requires a second factor ({@code outband.access.totp-required-roles}) and they have none yet. */
    boolean mustEnrol(AccessConfig config) {
        Set<String> required = config.totpRequiredRoles().orElse(Set.of());
        return !hasSecondFactor() && roleSet().stream().anyMatch(required::contains);
    }
}
