package se.outband.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words about one person's data under Kontakter: numbers that do not work, and the person's rights (export,
 * erasure). Swedish first; English in messages/personui_en.properties.
 */
@MessageBundle(value = "personui", locale = "sv")
public interface PersonPageMessages {

    @Message("Bara nummer som inte fungerar")
    String failingOnly();

    @Message("Numret fungerar inte: {reason} ({date})")
    String failing(String reason, String date);

    @Message("Inga kontakter har ett nummer som inte fungerar.")
    String noFailing();

    @Message("Personens rättigheter (GDPR)")
    String rightsHeading();

    @Message("Allt som sparats om personen (kontaktuppgifter, leveranser, svar och kontaktkontroller) som en JSON-fil.")
    String exportHint();

    @Message("Ladda ner personens uppgifter")
    String export();

    @Message("Raderar personen med leveranser, svar och kontroller. Gamla utskicks antal stämmer fortfarande, men utan namn, nummer eller adress. Det går inte att ångra.")
    String eraseHint();

    @Message("Jag förstår att det inte går att ångra")
    String eraseConfirm();

    @Message("Radera personen")
    String erase();

    @Message("Kryssa i rutan för att bekräfta raderingen.")
    String eraseNotConfirmed();

    @Message("Personen är raderad. Gamla utskick räknas som förut, men utan personens namn, nummer eller adress.")
    String erased();
}
