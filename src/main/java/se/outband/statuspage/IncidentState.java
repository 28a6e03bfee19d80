package se.outband.statuspage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Statuspage's incident states: people who have read a status page before recognise them. */
public enum IncidentState {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    @JsonValue
    public String value() {
        return StateNames.of(this);
    }

    @JsonCreator
    public static IncidentState parse(String value) {
        return StateNames.parse(IncidentState.class, value);
    }
}
