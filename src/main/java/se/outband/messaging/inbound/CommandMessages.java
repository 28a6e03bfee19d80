package se.outband.messaging.inbound;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Outband's SMS answers to leaders: short, since each part costs and is read on a phone. */
@MessageBundle(value = "commands", locale = "sv")
public interface CommandMessages {

    @Message("Outband: SKICKA grupp, grupp: text – skickar (du får en kod att svara med). MÖTE grupp – kallar till telefonmöte (med kod). STATUS – senaste utskicket. HJÄLP – detta.")
    String help();

    @Message("Skickas till {groups} ({people} {#if people == 1}person{#else}personer{/if}), {segments} SMS per person, {#if drill}ÖVNING{#else}inte övning{/if}. Svara {code} inom 10 min för att skicka.")
    String confirm(String groups, int people, int segments, boolean drill, String code);

    @Message("Kalla {people} personer i {groups} till telefonmöte? Svara med koden {code} inom 10 minuter för att ringa upp dem.")
    String confirmMeeting(String groups, int people, String code);

    @Message("Telefonmöte {id} är kallat: alla får SMS med inringningsnummer och kod och rings upp.")
    String meetingCalled(long id);

    @Message("Okänd grupp: {unknown}. Grupper: {known}.")
    String unknownGroups(String unknown, String known);

    @Message("Skickat: utskick {id} till {people} {#if people == 1}person{#else}personer{/if}.")
    String sent(long id, int people);

    @Message("Fel kod. {left} {#if left == 1}försök{#else}försök{/if} kvar.")
    String wrongCode(int left);

    @Message("Fel kod fem gånger: utskicket är avbrutet. Skriv SKICKA igen.")
    String cancelled();

    @Message("Ingen kod väntar (den gäller 10 min). Skriv SKICKA igen.")
    String nothingPending();

    @Message("Kunde inte skicka: {reason}")
    String refused(String reason);

    @Message("Inga utskick ännu.")
    String noBulletins();

    @Message("Utskick {id} {at}: {reached} av {recipients} nådda, {pending} väntar, {failed} misslyckade.{#if answers} Svar: {answers}, inget svar {noReply}.{/if}")
    String status(long id, String at, long reached, int recipients, long pending, long failed, String answers, long noReply);

    @Message("Mer än {count} SKICKA på en timme från ditt nummer: vänta en stund, eller skicka från webben.")
    String tooMany(int count);
}
