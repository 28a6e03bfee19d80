package se.outband.contacts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What contact lists say to HR administrators, Swedish first (English in messages/contacts_en.properties). */
@MessageBundle(value = "contacts", locale = "sv")
public interface ContactMessages {

    @Message("Id saknas. Varje rad behöver organisationens id för personen, t.ex. anställningsnummer.")
    String idMissing();

    @Message("Id \"{value}\" går inte att använda: högst 64 bokstäver, siffror, punkter, bindestreck eller understreck, utan mellanslag.")
    String idInvalid(String value);

    @Message("Samma id finns redan på rad {line}. Varje person ska stå på en rad.")
    String idRepeated(long line);

    @Message("Namn saknas.")
    String nameMissing();

    @Message("\"{value}\" är inget giltigt telefonnummer. Skriv t.ex. 070-174 06 05 eller +46 70 174 06 05.")
    String mobileInvalid(String value);

    @Message("{value} är inte ett mobilnummer (t.ex. en fast telefon): SMS når inte fram. Ange ett mobilnummer eller en e-postadress.")
    String mobileNotMobile(String value);

    @Message("Varken mobilnummer eller e-postadress anges, så personen kan inte nås. Fyll i minst ett av dem.")
    String noChannel();

    @Message("\"{value}\" är ingen giltig e-postadress. Skriv t.ex. anna.andersson@example.net.")
    String emailInvalid(String value);

    @Message("Adressen ligger på organisationens egen e-post ({domain}), som troligen inte fungerar vid en kris. Ange en extern e-postadress.")
    String emailInternal(String domain);

    @Message("Okänt språk \"{value}\": svenska används. Skriv sv för svenska eller en för engelska.")
    String languageUnknown(String value);

    @Message("Texten är för lång: högst {max} tecken.")
    String tooLong(int max);

    @Message("Kolumnen \"{header}\" känns inte igen och lästes inte in.")
    String columnUnknown(String header);

    @Message("Filen är tom.")
    String fileEmpty();

    @Message("Filen är inte en textfil. Spara listan från Excel som \"CSV UTF-8\" eller \"CSV (semikolonavgränsad)\" och försök igen.")
    String fileNotText();

    @Message("Filen kunde inte läsas efter rad {line}: ett citattecken (\") avslutas troligen inte. Kontrollera raden och försök igen.")
    String fileMalformed(long line);

    @Message("Filen är för stor: högst {megabytes} MB kan importeras.")
    String fileTooLarge(long megabytes);

    @Message("Rubrikraden saknar {#if count == 1}kolumnen{#else}kolumnerna{/if} {columns}. Rubrikerna i filen är: {found}. "
            + "Rubriker som godtas: anstnr (eller id), namn (eller name), mobil, epost, grupper, språk, titel och enhet. "
            + "Ett namn i två kolumner (Förnamn, Efternamn) behöver slås ihop till en kolumn namn.")
    String columnMissing(int count, String columns, String found);

    @Message("{#when field}{#is 'id'}anstnr (eller id){#is 'name'}namn (eller name){#else}{field}{/when}")
    String columnName(String field);

    @Message("(inga)")
    String noHeaders();

    @Message("Rubrikraden saknar både mobil och epost, så ingen kan nås. Lägg till minst en av kolumnerna.")
    String channelColumnsMissing();

    @Message("Ingenting ändrades: {count} rader har fel. Läget \"ersätt\" kräver en fil utan fel. Rätta raderna och importera igen.")
    String replaceRejected(int count);

    @Message("En annan import pågår fortfarande. Vänta någon minut och försök igen.")
    String importRunning();

    @Message("Okänt läge \"{mode}\". Använd merge (lägg till och uppdatera) eller replace (ersätt hela listan).")
    String modeUnknown(String mode);

    @Message("Det finns ingen kontakt med id {id}.")
    String contactNotFound(String id);

    @Message("Det finns redan en kontakt med id {id}.")
    String contactExists(String id);

    @Message("Id i adressen ({pathId}) och i innehållet ({bodyId}) skiljer sig. Id kan inte ändras; ta bort kontakten och skapa en ny.")
    String idMismatch(String pathId, String bodyId);

    @Message("Kontakten sparades inte: se detaljerna för vad som behöver rättas.")
    String contactInvalid();

    @Message("Innehållet saknas: skicka kontakten som JSON.")
    String bodyMissing();

    @Message("{#when code}{#is '21211'}Numret finns inte{#is '21614'}Numret är inte ett mobilnummer och kan inte ta emot SMS{#is '21610'}Personen har stoppat SMS från Outbands nummer (STOP){#is '21408'}SMS till det landet är inte påslaget{#is '30003'}Telefonen gick inte att nå{#is '30005'}Numret finns inte hos operatören{#is '30006'}Numret kan inte ta emot SMS (fast telefon eller operatör som inte tar SMS){#is ''}SMS:et kom inte fram{#else}SMS:et kom inte fram (felkod {code}){/when}")
    String numberFails(String code);
}
