package se.outband.statuspage;

import java.util.Locale;

/** The status page's states are written in lower case in the API, the JSON and the templates. */
final class StateNames {

    private StateNames() {
    }

    static String of(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The state a text names, ignoring case and surrounding space; null when none, so callers can explain. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (E state : type.getEnumConstants()) {
            if (state.name().equals(wanted)) {
                return state;
            }
        }
        return null;
    }
}
