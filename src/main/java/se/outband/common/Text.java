package se.outband.common;

import java.util.regex.Pattern;

/** Text from people and providers as Outband stores it. */
public final class Text {

    /**
     * Control characters other than tab and line breaks (NUL, vertical tab, escape, C1 controls), the
     * non-characters U+FFFE/U+FFFF and halves of broken surrogate pairs: invisible on screen, but they
     * make XML (the Atom feed) invalid and confuse terminals and spreadsheets.
     */
    private static final Pattern UNSHOWABLE = Pattern.compile(
            "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

    /**
     * Bidirectional formatting (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C): invisible, and
     * they make the text after them read backwards, so that a name ending in a right-to-left override and
     * "gnp.exe" shows as "exe.png".
     */
    private static final Pattern DIRECTION = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");

    private Text() {
    }

    /** Clean, on one line and without bidirectional formatting: one field of a log line, which must not pass for two. */
    public static String oneLine(String text) {
        // U+2028 and U+2029 are line and paragraph breaks to editors, log viewers and browsers.
        return text == null ? null : DIRECTION.matcher(clean(text).replace('\n', ' ').replace('\t', ' ').replace('\u2028', ' ')
                .replace('\u2029', ' ')).replaceAll("");
    }

    /** At most {@code max} characters, the last an ellipsis when something was cut: for columns and for echoing input. */
    public static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The text without characters nobody can see or type on purpose; line breaks become \n. */
    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        return UNSHOWABLE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    /** Nothing to remove: most text, checked without a regular expression (imports clean every cell). */
    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' || c >= 0x7F && c <= 0x9F || Character.isSurrogate(c) || c >= 0xFFFE) {
                return false;
            }
        }
        return true;
    }
}
