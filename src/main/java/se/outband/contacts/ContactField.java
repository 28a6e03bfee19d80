package se.outband.contacts;

import java.util.List;
import java.util.Locale;

/** The fields of a contact with the column names an HR export may use for them, English and Swedish. */
public enum ContactField {
    ID("id", "anstnr"),
    NAME("name", "namn"),
    MOBILE("mobile", "mobil"),
    EMAIL("email", "epost"),
    GROUPS("groups", "grupper"),
    LANGUAGE("language", "språk"),
    TITLE("title", "titel"),
    UNIT("unit", "enhet");

    private final String english;
    private final List<String> headers;

    ContactField(String english, String swedish) {
        this.english = english;
        this.headers = List.of(english, swedish);
    }

    /** The JSON property name. */
    public String jsonName() {
        return english;
    }

    /** The field a CSV header names, ignoring case and surrounding space; null when none. */
    static ContactField forHeader(String header) {
        String wanted = header.strip().toLowerCase(Locale.ROOT);
        for (ContactField field : values()) {
            if (field.headers.contains(wanted)) {
                return field;
            }
        }
        return null;
    }
}
