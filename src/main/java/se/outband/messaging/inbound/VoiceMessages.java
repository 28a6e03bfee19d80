package se.outband.messaging.inbound;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the hotline says besides the status page's own words (those come from the status page's bundle). */
@MessageBundle(value = "voice", locale = "sv")
public interface VoiceMessages {

    @Message("Du har ringt {organisation}s krisinformation.")
    String welcome(String organisation);

    @Message("Tryck 1 för engelska. Tryck 2 för att höra igen.{#if meeting} Tryck 5 för krisledningens möte.{/if}{#if forward} Tryck 9 för att tala med krisledningen.{/if}")
    String menu(boolean forward, boolean meeting);

    @Message("Du kopplas nu till krisledningen.")
    String forwarding();

    @Message("Hej då.")
    String goodbye();

    @Message("{#if drill}Övning. Det här är en övning. {/if}Ett meddelande från {organisation}.")
    String callIntro(String organisation, boolean drill);

    @Message("Jag upprepar.")
    String callRepeat();

    @Message("Övning.")
    String drill();

    @Message("Svara med knapparna på telefonen.")
    String callQuestion();

    @Message("Tryck {number} för {option}.")
    String pressFor(int number, String option);

    @Message("Tack. Ditt svar, {answer}, är mottaget.")
    String callThanks(String answer);

    @Message("Det valet finns inte.")
    String callNoSuchChoice();
}
