package se.outband.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Someone an import adds, changes or removes, with what changes field by field (for a preview). */
public record ImportedPerson(String id, String name, List<FieldChange> changes) {

    /** One field's value before and after, as stored (numbers in E.164, groups separated by |). */
    public record FieldChange(String field, String before, String after) {
    }

    static ImportedPerson of(ContactData contact) {
        return new ImportedPerson(contact.id(), contact.name(), List.of());
    }

    static ImportedPerson changed(ContactData before, ContactData after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, ContactField.NAME, before.name(), after.name());
        compare(changes, ContactField.MOBILE, before.mobile(), after.mobile());
        compare(changes, ContactField.EMAIL, before.email(), after.email());
        compare(changes, ContactField.GROUPS, String.join("|", before.groups()), String.join("|", after.groups()));
        compare(changes, ContactField.LANGUAGE, before.language(), after.language());
        compare(changes, ContactField.TITLE, before.title(), after.title());
        compare(changes, ContactField.UNIT, before.unit(), after.unit());
        return new ImportedPerson(after.id(), after.name(), changes);
    }

    private static void compare(List<FieldChange> changes, ContactField field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field.jsonName(), before, after));
        }
    }
}
