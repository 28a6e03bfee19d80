package se.outband.statuspage;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Statuspage's incident states: people who have read a status page before recognise them. */
public enum IncidentState {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IncidentState parse(String value) {
        for (IncidentState state : values()) {
            if (state.value().equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
                return state;
            }
        }
        return null;
    }
}
