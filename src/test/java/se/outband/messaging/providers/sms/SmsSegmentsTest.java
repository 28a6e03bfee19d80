package se.outband.messaging.providers.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import se.outband.messaging.providers.sms.SmsSegments.Count;
import se.outband.messaging.providers.sms.SmsSegments.Encoding;

class SmsSegmentsTest {

    @Test
    void swedishLettersStayGsm7() {
        Count count = SmsSegments.count("Hej! Lön betalas ut som vanligt. Åsa, Örjan, Ärla, Émile: å ä ö Å Ä Ö É");
        assertEquals(Encoding.GSM7, count.encoding());
        assertNull(count.firstUcs2Character());
        assertEquals(1, count.segments());
    }

    @Test
    void oneHundredSixtyGsmCharactersAreOneSms() {
        assertEquals(1, SmsSegments.count("a".repeat(160)).segments());
        assertEquals(2, SmsSegments.count("a".repeat(161)).segments());
        assertEquals(2, SmsSegments.count("a".repeat(306)).segments());
        assertEquals(3, SmsSegments.count("a".repeat(307)).segments());
    }

    @Test
    void extensionCharactersCountDouble() {
        for (String c : new String[] {"€", "[", "]", "{", "}", "\\", "^", "~", "|"}) {
            Count count = SmsSegments.count("a".repeat(158) + c);
            assertEquals(Encoding.GSM7, count.encoding(), c);
            assertEquals(160, count.units(), c);
            assertEquals(1, count.segments(), c);
            assertEquals(2, SmsSegments.count("a".repeat(159) + c).segments(), c);
        }
    }

    @Test
    void aCurlyQuoteSwitchesToUcs2AndIsNamed() {
        Count count = SmsSegments.count("Arbeta \u201danalogt\u201d tills vidare");
        assertEquals(Encoding.UCS2, count.encoding());
        assertEquals("\u201d", count.firstUcs2Character());
        assertEquals(1, count.segments());
    }

    @Test
    void ucs2SegmentsAreSeventyThenSixtySeven() {
        assertEquals(1, SmsSegments.count("\u201d" + "a".repeat(69)).segments());
        assertEquals(2, SmsSegments.count("\u201d" + "a".repeat(70)).segments());
        assertEquals(2, SmsSegments.count("\u201d" + "a".repeat(133)).segments());
        assertEquals(3, SmsSegments.count("\u201d" + "a".repeat(134)).segments());
    }

    @Test
    void anEmojiTakesTwoUnitsAndIsNamedWhole() {
        Count count = SmsSegments.count("Bra jobbat \uD83D\uDC4D");
        assertEquals(Encoding.UCS2, count.encoding());
        assertEquals("\uD83D\uDC4D", count.firstUcs2Character());
        assertEquals(13, count.units());
        assertEquals(2, SmsSegments.count("\uD83D\uDC4D".repeat(36)).segments());
    }
}
