package se.outband.messaging.providers.sms;

/**
 * How many SMS a text costs. GSM 03.38 (7-bit) fits 160 characters in one SMS and 153 per part when
 * split; the extension characters (€ [ ] { } \ ^ ~ | and form feed) take two. Any character outside
 * the GSM alphabet switches the whole message to UCS-2: 70 per SMS, 67 per part, and characters
 * outside the Basic Multilingual Plane (most emoji) take two.
 */
public final class SmsSegments {

    public enum Encoding {
        GSM7, UCS2
    }

    /** The cost of a text; {@code firstUcs2Character} names what forced UCS-2, null for GSM-7. */
    public record Count(Encoding encoding, int units, int segments, String firstUcs2Character) {
    }

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static Count count(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int codePoint = text.codePointAt(i);
                return ucs2(text, new String(Character.toChars(codePoint)));
            }
        }
        return new Count(Encoding.GSM7, septets, septets <= 160 ? 1 : divideUp(septets, 153), null);
    }

    private static Count ucs2(String text, String culprit) {
        int units = text.length();
        return new Count(Encoding.UCS2, units, units <= 70 ? 1 : divideUp(units, 67), culprit);
    }

    private static int divideUp(int units, int perSegment) {
        return (units + perSegment - 1) / perSegment;
    }
}
