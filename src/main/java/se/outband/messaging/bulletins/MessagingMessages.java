package se.outband.messaging.bulletins;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What bulletins say to crisis leaders, Swedish first (English in messages/messaging_en.properties). */
@MessageBundle(value = "messaging", locale = "sv")
public interface MessagingMessages {

    @Message("Skriv ett meddelande.")
    String textMissing();

    @Message("Meddelandet blir {length} tecken som SMS (med övningsmarkering och svarsrad); högst {max} går att skicka. Korta texten med minst {over} tecken.")
    String messageTooLong(int length, int max, int over);

    @Message("Svarsalternativ kräver att mottagarna kan svara, men SMS skickas från avsändarnamnet \"{sender}\", som inte tar emot svar. Ta bort svarsalternativen, eller be den som driftar Outband ange en Messaging Service med ett nummer (OUTBAND_SMS_TWILIO_MESSAGING_SERVICE_SID) eller ett telefonnummer som avsändare (OUTBAND_SMS_TWILIO_FROM).")
    String repliesImpossible(String sender);

    @Message("Välj minst en grupp eller en person.")
    String audienceMissing();

    @Message("Gruppen finns inte: {names}. Kontrollera stavningen under Grupper.")
    String unknownGroups(String names);

    @Message("Kontakten finns inte: {ids}.")
    String unknownContacts(String ids);

    @Message("Okänt kanalval \"{value}\". Välj sms-then-email (SMS, annars e-post), sms, email eller both.")
    String channelsUnknown(String value);

    @Message("Svarsalternativet \"{option}\" går inte att använda: ett ord på högst 20 bokstäver eller siffror, t.ex. JA.")
    String replyOptionInvalid(String option);

    @Message("Ingen av de {count} mottagarna kan nås med det kanalval du gjort. Välj SMS och e-post, eller andra mottagare.")
    String nobodyReachable(int count);

    @Message("Det finns inget utskick med nummer {id}.")
    String bulletinNotFound(long id);

    @Message("Tecknet {character} gör att SMS:et skickas med en teckenuppsättning som rymmer 70 tecken i stället för 160. Byt ut det för att sänka kostnaden.")
    String ucs2Character(String character);

    @Message("Provkörning: {channels} skickas inte på riktigt, utan markeras som levererat.")
    String dryRunNotice(String channels);

    @Message("e-post")
    String emailChannel();

    @Message("En färdig text behöver ett namn (högst {maxName} tecken) och en text (högst {maxText} tecken).")
    String templateInvalid(int maxName, int maxText);

    @Message("Det finns ingen färdig text med nummer {id}.")
    String templateNotFound(Long id);

    @Message("Fyll i {placeholders} i texten innan du skickar: {#if count == 1}det är en uppgift{#else}det är uppgifter{/if} som den färdiga texten lämnar åt dig.")
    String placeholderUnfilled(int count, String placeholders);
}
