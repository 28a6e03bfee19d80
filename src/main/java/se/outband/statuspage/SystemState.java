package se.outband.statuspage;

import java.util.Collection;
import java.util.Comparator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The state of one system, in Statuspage's words where they overlap; severity orders the banner. */
public enum SystemState {
    OPERATIONAL(0), UNKNOWN(1), DEGRADED(2), RESTORING(3), DOWN(4);

    private final int severity;

    SystemState(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    /** What the banner shows: the most severe of the states, operational when there are none. */
    public static SystemState worst(Collection<SystemState> states) {
        return states.stream().max(Comparator.comparingInt(SystemState::severity)).orElse(OPERATIONAL);
    }

    @JsonValue
    public String value() {
        return StateNames.of(this);
    }

    /** Null for anything else, so the caller can say what is allowed. */
    @JsonCreator
    public static SystemState parse(String value) {
        return StateNames.parse(SystemState.class, value);
    }
}
