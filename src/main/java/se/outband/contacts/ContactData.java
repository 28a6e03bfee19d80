package se.outband.contacts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A contact as the API and the CSV import see it. {@code warnings} is only ever written by Outband,
 * e.g. "this number cannot get SMS".
 */
public record ContactData(
        String id,
        String name,
        String mobile,
        String email,
        List<String> groups,
        String language,
        String title,
        String unit,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty(access = JsonProperty.Access.READ_ONLY) List<String> warnings) {

    public ContactData {
        groups = groups == null ? List.of() : groups;
        warnings = warnings == null ? List.of() : warnings;
    }

    ContactData withId(String newId) {
        return new ContactData(newId, name, mobile, email, groups, language, title, unit, warnings);
    }

    ContactData withWarnings(List<String> newWarnings) {
        return new ContactData(id, name, mobile, email, groups, language, title, unit, newWarnings);
    }

    ContactData withoutWarnings() {
        return withWarnings(List.of());
    }
}
