package se.outband.access;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A one-time code for signing in without the phone; only its hash is stored. */
@Entity
@Table(name = "recovery_code")
@IdClass(RecoveryCode.Key.class)
public class RecoveryCode extends PanacheEntityBase {

    /** The composite key, as JPA wants it: a class with the same fields. */
    public static class Key implements Serializable {
        public long userId;
        public String codeHash;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.userId == userId && Objects.equals(k.codeHash, codeHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, codeHash);
        }
    }

    @Id
    @Column(name = "user_id")
    public long userId;

    @Id
    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "used_at")
    public Instant usedAt;
}
