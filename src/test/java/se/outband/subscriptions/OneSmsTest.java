package se.outband.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import se.outband.messaging.providers.sms.SmsSegments;

class OneSmsTest {

    private static final String URL = "https://status.exempelby.se/";

    @Test
    void aShortNoticeIsLeftWhole() {
        assertEquals("Kommunen: Ny störning: Vatten. Avstängt i centrum. " + URL,
                OneSms.fit("Kommunen: Ny störning: Vatten.  Avstängt\n i centrum.", URL));
    }

    @Test
    void aLongNoticeIsCutAtAWordToOneSmsAndKeepsTheWholeAddress() {
        String words = "Kommunen: Vattenläcka - Orsaken är känd: Reparationen tar längre tid än väntat eftersom ledningen ligger "
                + "djupt under vägen och grävmaskinen måste hämtas från grannkommunen.";
        String fitted = OneSms.fit(words, URL);
        assertEquals(1, SmsSegments.count(fitted).segments(), fitted);
        assertTrue(fitted.endsWith("... " + URL), fitted);
        String kept = fitted.substring(0, fitted.length() - ("... " + URL).length());
        assertTrue(words.startsWith(kept) && words.charAt(kept.length()) == ' ', "cut where a word ends: " + kept);
        assertTrue(kept.length() > 100, "as much as fits: " + kept);
    }

    @Test
    void textOutsideTheGsmAlphabetIsCutToSeventyCharactersAndAnEmojiIsNotSplit() {
        String words = "Kommunen: Ny störning: Vatten 💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧💧 avstängt i hela centrum i kväll";
        String fitted = OneSms.fit(words, URL);
        assertEquals(1, SmsSegments.count(fitted).segments(), fitted);
        assertTrue(fitted.endsWith(URL));
        for (int i = 0; i < fitted.length(); i++) {
            assertTrue(!Character.isHighSurrogate(fitted.charAt(i)) || Character.isLowSurrogate(fitted.charAt(i + 1)), fitted);
        }
    }

    @Test
    void whenTheAddressLeavesNoRoomTwoPartsAreAllowed() {
        String longUrl = "https://status.exempelby-kommun-med-ett-mycket-langt-namn.example.org/driftstatus/for/invanare/och/foretag/"
                + "och/besokare/i/kommunen/";
        String words = "Kommunen: Ny störning: Vattnet är avstängt i hela centrum och i norra delarna av kommunen.";
        String fitted = OneSms.fit(words, longUrl);
        assertEquals(2, SmsSegments.count(fitted).segments(), fitted);
        assertEquals(words + " " + longUrl, fitted, "what fits in two parts is not cut");
    }
}
