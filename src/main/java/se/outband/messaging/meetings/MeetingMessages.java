package se.outband.messaging.meetings;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What meetings say: in the SMS and on the phone (in Swedish, as the hotline), and to the leader on their
 * pages and in refusals. Swedish first; English in messages/meetings_en.properties.
 */
@MessageBundle(value = "meetings", locale = "sv")
public interface MeetingMessages {

    @Message("{#if drill}ÖVNING. {/if}Krisledningen kallas till telefonmöte. Ring {number}, tryck 5 och ange koden {pin}. Koden gäller i 24 timmar.{#if called} Du blir också uppringd.{/if}")
    String smsInvite(boolean drill, String number, String pin, boolean called);

    @Message("{#if drill}Övning. Det här är en övning. {/if}Krisledningen kallas till telefonmöte. Tryck 1 för att ansluta. Tryck 2 för att tacka nej.")
    String callInvite(boolean drill);

    @Message("Det valet finns inte.")
    String noSuchChoice();

    @Message("Du ansluts nu till mötet.")
    String joining();

    @Message("Tack. Du har tackat nej.")
    String declined();

    @Message("Mötet är avslutat.")
    String over();

    @Message("Ange mötets kod med sex siffror.")
    String askPin();

    @Message("Fel kod.")
    String wrongPin();

    @Message("Hej då.")
    String goodbye();

    @Message("Grupperna finns inte: {names}.")
    String unknownGroups(String names);

    @Message("Kontakterna finns inte: {ids}.")
    String unknownContacts(String ids);

    @Message("Ingen är vald. Välj en grupp eller personer.")
    String nobodyChosen();

    @Message("Ett möte kan ha högst {max} deltagare, inte {people}.")
    String tooMany(int people, int max);

    @Message("Outband har inget telefonnummer att ringa från eller att ringa in till. Ange outband.voice.from med ett Twilio-nummer.")
    String noNumber();

    @Message("Outband kan inte ringa upp någon just nu: bara SMS med inringningsnummer och kod skickas.")
    String noCalls();

    @Message("Mötet {id} finns inte.")
    String meetingNotFound(long id);

    @Message("Deltagaren {id} finns inte.")
    String personNotFound(long id);

    @Message("Mötet {id} är avslutat.")
    String meetingOver(long id);

    @Message("Telefonmöten")
    String meetingsTitle();

    @Message("Kalla krisledningen till telefonmöte: alla får SMS med inringningsnummer och kod, och blir uppringda. Högst {max} deltagare.")
    String meetingsIntro(int max);

    @Message("Grupper (kommaseparerade)")
    String groups();

    @Message("Kontakt-id (kommaseparerade)")
    String contactIds();

    @Message("Övning")
    String drill();

    @Message("Kalla till möte")
    String call();

    @Message("Telefonmöte {id}")
    String meetingTitle(long id);

    @Message("{#if drill}Övning. {/if}Inringning: {number}, tryck 5 och ange koden från SMS:et.")
    String dialIn(boolean drill, String number);

    @Message("Mötet är avslutat.")
    String ended();

    @Message("Inringning med kod är stängd: för många fel koder har slagits. De inbjudna kan fortfarande ringas upp. Ett nytt möte får en ny kod.")
    String dialInClosed();

    @Message("Listan uppdateras med {seconds} sekunders mellanrum medan mötet pågår. Senast uppdaterad")
    String liveUpdated(long seconds);

    @Message("Mötet pågår.")
    String liveManual();

    @Message("Uppdatera listan")
    String liveUpdate();

    @Message("Kallat {at} av {by}.")
    String calledBy(String at, String by);

    @Message("Deltagare")
    String people();

    @Message("Namn")
    String name();

    @Message("Telefon")
    String phone();

    @Message("Läge")
    String state();

    @Message("Ring igen")
    String callAgain();

    @Message("{#when state}{#is 'NOT_CALLED'}Inte uppringd{#is 'CALLING'}Rings upp{#is 'JOINING'}Ansluter{#is 'IN'}Med i mötet{#is 'LEFT'}Har lämnat{#is 'DECLINED'}Tackade nej{#is 'NO_ANSWER'}Svarade inte{#else}{state}{/when}")
    String stateName(String state);

    @Message("{in} med, {declined} tackade nej, {noAnswer} svarade inte")
    String tally(long in, long declined, long noAnswer);

    @Message("Lägg till deltagare")
    String add();

    @Message("Avsluta mötet")
    String end();

    @Message("Inga möten ännu.")
    String noMeetings();

    @Message("Pågår")
    String running();
}
