package se.outband.messaging.bulletins;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One step of a bulletin's escalation, and once it is due, what it found and did. */
@Entity
@Table(name = "escalation_step")
public class EscalationStep extends PanacheEntity {

    /**
     * PENDING until due; then FIRED (too few had answered, so it went further) or NOT_NEEDED (enough had);
     * CANCELLED when a leader stopped the escalation first.
     */
    public enum State {
        PENDING, FIRED, NOT_NEEDED, CANCELLED
    }

    @Column(name = "bulletin_id")
    public long bulletinId;

    /** 1 for the first step: a step runs only once every step before it has. */
    public int position;

    @Column(name = "after_seconds")
    public long afterSeconds;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "if_fewer_than")
    public int ifFewerThan;

    /** The reply option counted. */
    public String answer;

    /** Newline-separated group names, or null. */
    @Column(name = "add_groups")
    public String addGroups;

    @Column(name = "remind_unanswered")
    public boolean remindUnanswered;

    @Column(name = "call_unanswered")
    public boolean callUnanswered;

    /** Newline-separated usernames, or null. */
    @Column(name = "notify_users")
    public String notifyUsers;

    @Enumerated(EnumType.STRING)
    public State state;

    /** How many had answered {@link #answer} when it was due. */
    @Column(name = "answered_then")
    public Integer answeredThen;

    /** People the further groups added (those already sent to are not counted twice). */
    public Integer added;

    public Integer reminded;

    public Integer called;

    public Integer notified;

    /** What it could not do, in Swedish (the audit log and the listing say it): a user without a mobile, calls unavailable. */
    public String problem;

    @Column(name = "done_at")
    public Instant doneAt;

    /** The instance that ran it, or the leader who cancelled it. */
    @Column(name = "done_by")
    public String doneBy;

    List<String> groupList() {
        return split(addGroups);
    }

    List<String> userList() {
        return split(notifyUsers);
    }

    static String join(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
