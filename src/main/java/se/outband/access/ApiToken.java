package se.outband.access;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A bearer token for scripts and integrations. Only its SHA-256 is stored; the token is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntity {

    public String name;

    @Column(name = "token_hash")
    public String tokenHash;

    /** Comma-separated, from {@link Roles}. */
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    Set<String> roleSet() {
        return Roles.split(roles);
    }
}
