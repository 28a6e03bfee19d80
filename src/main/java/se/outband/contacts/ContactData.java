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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty(access = JsonProperty.Access.READ_ONLY) List<String> warnings,
        /** The mobile's last SMS failed for good or was undelivered: why and when. Only ever written by Outband. */
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty(access = JsonProperty.Access.READ_ONLY) FailingNumber failingNumber) {

    public ContactData {
        groups = groups == null ? List.of() : groups;
        warnings = warnings == null ? List.of() : warnings;
    }

    public ContactData(String id, String name, String mobile, String email, List<String> groups, String language, String title,
            String unit, List<String> warnings) {
        this(id, name, mobile, email, groups, language, title, unit, warnings, null);
    }

    ContactData withId(String newId) {
        return new ContactData(newId, name, mobile, email, groups, language, title, unit, warnings, failingNumber);
    }

    ContactData withWarnings(List<String> newWarnings) {
        return new ContactData(id, name, mobile, email, groups, language, title, unit, newWarnings, failingNumber);
    }

    ContactData withFailingNumber(FailingNumber mark) {
        return new ContactData(id, name, mobile, email, groups, language, title, unit, warnings, mark);
    }

    ContactData withoutWarnings() {
        return new ContactData(id, name, mobile, email, groups, language, title, unit, List.of(), null);
    }
}
