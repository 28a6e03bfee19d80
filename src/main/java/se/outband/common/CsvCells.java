package se.outband.common;

/**
 * Cells of the CSV files people open in a spreadsheet (reach reports, drills, a contact check's changes).
 * Names and answers come from contact lists, providers and the people themselves: a cell a spreadsheet would
 * take for a formula is written with a leading apostrophe, so opening the file runs nothing, and a number
 * such as +46701740605 stays text instead of becoming 46701740605.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** OWASP's advice on CSV injection: a cell starting with = + - @ tab or carriage return is prefixed with '. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
