package se.outband.contacts;

import java.util.Locale;

/** merge adds and updates; replace also removes contacts that are not in the file. */
public enum ImportMode {
    MERGE, REPLACE;

    static ImportMode parse(String value) {
        if (value == null || value.isBlank()) {
            return MERGE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "merge" -> MERGE;
            case "replace" -> REPLACE;
            default -> null;
        };
    }
}
