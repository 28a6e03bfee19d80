package se.outband.messaging.bulletins;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What escalation says, to leaders and in its summary SMS: Swedish first (English in messages/escalation_en.properties). */
@MessageBundle(value = "escalation", locale = "sv")
public interface EscalationMessages {

    @Message("Ett utskick kan ha högst {max} eskaleringssteg, och det här har {count}. Ta bort några, eller slå ihop dem.")
    String tooManySteps(int count, int max);

    @Message("Eskalering räknar svar, så den kräver svarsalternativ (t.ex. JA och NEJ). Lägg till svarsalternativ, eller ta bort eskaleringen.")
    String withoutReplyOptions();

    @Message("Steg {step}: väntetiden \"{after}\" går inte att använda. Ange minst 10 sekunder och högst 72 timmar, t.ex. PT15M för 15 minuter.")
    String afterInvalid(int step, String after);

    @Message("Steg {step}: \"färre än {value}\" går inte att använda. Ange ett antal svar från 1 till {max}.")
    String fewerThanInvalid(int step, int value, int max);

    @Message("Steg {step}: \"{option}\" är inget av utskickets svarsalternativ ({options}). Välj ett av dem.")
    String optionUnknown(int step, String option, String options);

    @Message("Steg {step} gör ingenting. Välj grupper att skicka till, påminnelse, samtal eller användare att meddela.")
    String nothingToDo(int step);

    @Message("Steg {step}: gruppen finns inte: {names}. Kontrollera stavningen, med stora och små bokstäver, under Kontakter.")
    String unknownGroups(int step, String names);

    @Message("Steg {step}: användaren finns inte: {names}. Ange användarnamn i Outband.")
    String unknownUsers(int step, String names);

    @Message("Steg {step}: {names} har inget mobilnummer i Outband och kan inte få sammanfattningen som SMS. Be en administratör lägga in numret under Användare.")
    String usersWithoutMobile(int step, String names);

    @Message("Steg {position}: efter {after}, om färre än {fewer} har svarat {answer}:")
    String rule(int position, String after, int fewer, String answer);

    @Message("{#if groups}skicka också till {groups}{#if remind || call || users}; {/if}{/if}{#if remind}påminn dem som inte svarat{#if call || users}; {/if}{/if}{#if call}ring dem som inte svarat{#if users}; {/if}{/if}{#if users}SMS:a en sammanfattning till {users}{/if}.")
    String then(String groups, boolean remind, boolean call, String users);

    @Message("Steg {position}: efter {minutes} min, om färre än {fewer} har svarat {answer}:")
    String formRule(int position, String minutes, String fewer, String answer);

    @Message("Väntar: om {left}.")
    String pending(String left);

    @Message("Genomfört: {answered} hade svarat {answer}. {added} nya mottagare, {reminded} påminda, {called} uppringda, {notified} meddelade.{#if problem} {problem}{/if}")
    String fired(Integer answered, String answer, Integer added, Integer reminded, Integer called, Integer notified, String problem);

    @Message("Behövdes inte: {answered} hade svarat {answer}.")
    String notNeeded(Integer answered, String answer);

    @Message("Avbrutet av {by}.")
    String cancelled(String by);

    /** The SMS to the users a step names; always Swedish, like the bulletins themselves. */
    @Message("{#if drill}ÖVNING: {/if}Outband: utskick {id} har efter {after} bara {answered} svar {answer} av {recipients} (gräns {fewer}). Steg {position} är genomfört: {added} nya mottagare, {reminded} påminda, {called} uppringda. \"{text}\"")
    String summary(boolean drill, long id, String after, int answered, String answer, int recipients, int fewer, int position, int added,
            int reminded, int called, String text);

    @Message("Kunde inte meddela {names}: inget mobilnummer.")
    String notNotified(String names);

    @Message("Grupper som inte längre finns: {names}.")
    String groupsGone(String names);

    @Message("Samtal kan inte göras: inget Twilio-nummer att ringa från.")
    String callsUnavailable();

    @Message("Påminnelse: ")
    String reminderPrefix();

    @Message("Eskalering")
    String heading();

    @Message("Om för få svarar i tid går utskicket vidare, ett steg i taget. Varje steg körs en gång, i ordning.")
    String explained();

    @Message("kl. {at}")
    String dueAt(String at);

    @Message("Avbryt eskaleringen")
    String cancel();

    @Message("Eskalering om för få svarar")
    String formHeading();

    @Message("Kräver svarsalternativ. Högst {max} steg; ett steg utan väntetid tas bort. Användare måste ha ett mobilnummer i Outband.")
    String formHelp(int max);

    @Message("Steg {position}")
    String formStep(int position);

    @Message("Efter (minuter)")
    String formAfter();

    @Message("Om färre än (antal svar)")
    String formFewer();

    @Message("har svarat")
    String formAnswered();

    @Message("Skicka också till grupper (med kommatecken emellan)")
    String formGroups();

    @Message("Påminn dem som inte svarat (SMS igen)")
    String formRemind();

    @Message("Ring dem som inte svarat")
    String formCall();

    @Message("SMS:a en sammanfattning till användare (användarnamn, med kommatecken emellan)")
    String formNotify();

    @Message("Lägg till ett steg")
    String formAdd();
}
