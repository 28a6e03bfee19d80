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

    @Message("En övning läggs inte ut på statussidan: allmänheten och system som läser sidan skulle ta den för ett verkligt läge. Ta bort markeringen för statussidan, eller skicka ett skarpt meddelande.")
    String drillNotOnStatusPage();

    @Message("Gruppen finns inte: {names}. Kontrollera stavningen, med stora och små bokstäver, under Kontakter.")
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

    /** Between the last two of a list: "SMS och e-post". */
    @Message("och")
    String and();

    @Message("En färdig text behöver ett namn (högst {maxName} tecken) och en text (högst {maxText} tecken).")
    String templateInvalid(int maxName, int maxText);

    @Message("Det finns ingen färdig text med nummer {id}.")
    String templateNotFound(Long id);

    @Message("Fyll i {placeholders} i texten innan du skickar: {#if count == 1}det är en uppgift{#else}det är uppgifter{/if} som den färdiga texten lämnar åt dig.")
    String placeholderUnfilled(int count, String placeholders);

    /** Why a delivery failed, from its provider's error code (or Outband's own word for it). */
    @Message("{#when code}{#is '21211'}Numret finns inte{#is '21614'}Numret kan inte ta emot SMS (inte en mobil){#is '21610'}Personen har skickat STOP till Outbands nummer och Twilio spärrar nu alla SMS till hen: be hen skicka START till samma nummer (utskick med e-post som reserv når hen där under tiden){#is '21408'}SMS till det landet är inte påslaget{#is '30003'}Telefonen var inte nåbar (avstängd eller utan täckning){#is '30005'}Numret finns inte hos operatören{#is '30006'}Numret kan inte ta emot SMS{#is 'gave-up'}Gick inte att skicka inom tidsgränsen{#is 'invalid-address'}E-postadressen är felaktig{#is 'busy'}Upptaget, också när det ringdes igen{#is 'no-answer'}Ingen svarade, inte heller när det ringdes igen{#is 'failed'}Samtalet gick inte att koppla fram{#is 'canceled'}Samtalet avbröts{#is 'no-calls'}Samtal kan inte göras: inget Twilio-nummer att ringa från{#else}Leverantören kunde inte leverera ({code}){/when}")
    String failureReason(String code);

    @Message("{#when key}{#is 'sms'}SMS{#is 'email'}e-post{#is 'voice'}samtal{#else}{key}{/when}")
    String channelName(String key);

    @Message("Ingen enhet")
    String noUnit();

    @Message("Nådd via {channel}")
    String outcomeReached(String channel);

    @Message("Inte nådd: {reason}")
    String outcomeFailed(String reason);

    @Message("Skickas fortfarande")
    String outcomeUnderWay();

    @Message("Inte försökt: ingen adress för de valda kanalerna")
    String outcomeNotTried();

    @Message("Sändtiden {at} har redan varit. Välj en tid framåt, eller skicka nu utan sändtid.")
    String sendAtPast(String at);

    @Message("Ett utskick kan planeras högst ett år framåt, och {at} ligger längre bort. Välj en tidigare tid.")
    String sendAtTooFar(String at);

    @Message("Det finns inget planerat utskick med nummer {id}.")
    String plannedNotFound(long id);

    @Message("Det planerade utskicket {id} går inte att avbryta: det är {#when state}{#is 'SENT'}redan skickat{#is 'CANCELLED'}redan avbrutet{#else}inte längre planerat{/when}.")
    String plannedNotCancellable(long id, String state);
}
