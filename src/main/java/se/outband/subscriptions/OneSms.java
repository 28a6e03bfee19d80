package se.outband.subscriptions;

import se.outband.messaging.providers.sms.SmsSegments;

/**
 * A notice cut to one SMS where it can be: the words first, then the status page's address, which is never
 * cut (a cut link leads nowhere). When even a few words and the address need more than one part, two parts
 * are allowed rather than a message that says nothing.
 */
final class OneSms {

    static final String CUT = "...";
    /** Fewer words than this say nothing worth the SMS. */
    static final int FEWEST_WORDS = 30;
    /** Two parts of 7-bit text hold 306 characters, of UCS-2 134: nothing longer is ever needed. */
    private static final int LONGEST = 320;

    private OneSms() {
    }

    static String fit(String words, String url) {
        String tail = " " + url;
        String text = words.strip().replaceAll("\\s+", " ");
        for (int parts = 1; parts <= 2; parts++) {
            String cut = cut(text, tail, parts);
            if (cut != null) {
                return cut;
            }
        }
        return clip(text, FEWEST_WORDS) + CUT + tail;
    }

    /** {@code text} with the tail in {@code parts} SMS: whole, or its longest cut, or null when too few words would fit. */
    private static String cut(String text, String tail, int parts) {
        if (SmsSegments.count(text + tail).segments() <= parts) {
            return text + tail;
        }
        for (int length = Math.min(text.length(), LONGEST); length >= FEWEST_WORDS; length--) {
            String words = clip(text, length);
            if (SmsSegments.count(words.stripTrailing() + CUT + tail).segments() <= parts) {
                // Fewer characters fit as well: end at a word when one ends near.
                int space = words.lastIndexOf(' ');
                if (space >= Math.max(FEWEST_WORDS, length - 15)) {
                    words = words.substring(0, space);
                }
                return words.stripTrailing() + CUT + tail;
            }
        }
        return null;
    }

    /** The first {@code length} characters, not splitting a character outside the Basic Multilingual Plane. */
    private static String clip(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
