package se.outband.contacts;

/** Something wrong (or worth a warning) with one field of one contact. */
public record FieldProblem(ContactField field, ContactProblem reason) {
}
