package se.outband.common;

import java.util.Arrays;
import java.util.List;

/**
 * A closed choice in the settings, e.g. the SMS provider: an enum whose constants are written in the
 * environment file as {@link #configValue()} ({@code 46elks} cannot be a constant's name). Each such enum
 * has a converter (named on the mapping with {@code @WithConverter}) that calls {@link #read}.
 */
public interface ConfigChoice {

    /** How the choice is written in the settings, and shown and stored wherever it is named. */
    String configValue();

    /**
     * The choice written as {@code value}, or none for an empty one. Any other value is refused with the
     * sentence an administrator reads in the start report: {@code lead} and the choices, e.g. "it must be
     * smtp or dry-run".
     */
    static <E extends Enum<E> & ConfigChoice> E read(Class<E> type, String lead, String value) {
        String written = value.strip();
        if (written.isEmpty()) {
            return null;
        }
        for (E choice : type.getEnumConstants()) {
            if (choice.configValue().equals(written)) {
                return choice;
            }
        }
        List<String> words = Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configValue).toList();
        throw new IllegalArgumentException(lead + " " + String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1));
    }
}
