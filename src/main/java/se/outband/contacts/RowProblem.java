package se.outband.contacts;

/** A rejected row or a warning in an import: the line (header = 1), the column as the file names it, and why. */
public record RowProblem(long line, String field, ContactProblem reason) {
}
