package se.outband.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of HR's contact-check pages under Kontakter. Swedish first; English in messages/checkui_en.properties. */
@MessageBundle(value = "checkui", locale = "sv")
public interface CheckPageMessages {

    @Message("Kontaktkontroller")
    String heading();

    @Message("Varje person får en egen länk med SMS (e-post om mobilnummer saknas) och bekräftar eller rättar sina uppgifter utan att logga in. Ett nytt mobilnummer sparas först när koden som skickas dit kommer tillbaka.")
    String intro();

    @Message("Ny kontroll")
    String newHeading();

    @Message("Grupper (kommaseparerade; tomt = alla)")
    String groups();

    @Message("Enheter (kommaseparerade; tomt = alla)")
    String units();

    @Message("Sista dag")
    String deadline();

    @Message("Skicka länkarna")
    String start();

    @Message("Tidigare kontroller")
    String earlier();

    @Message("Inga kontroller än.")
    String none();

    @Message("Kontroll {id}")
    String check(long id);

    @Message("Startad {at} av {by}. Urval: {chosen}. Sista dag: {deadline}.")
    String started(String at, String by, String chosen, String deadline);

    @Message("Skickade")
    String sent();

    @Message("Bekräftade")
    String confirmed();

    @Message("Ändrade")
    String changed();

    @Message("Inte svarat")
    String unanswered();

    @Message("Går inte att nå")
    String unreachable();

    @Message("Per enhet")
    String perUnit();

    @Message("Enhet")
    String unit();

    @Message("Tillfrågade")
    String asked();

    @Message("(ingen enhet)")
    String noUnit();

    @Message("Påminn dem som inte svarat")
    String remind();

    @Message("Påminnelsen skickas med en ny länk; den tidigare länken slutar då att gälla.")
    String remindExplained();

    @Message("{count} påminnelser skickade.")
    String reminded(int count);

    @Message("Senast påmind {at}.")
    String lastReminded(String at);

    @Message("Ladda ner ändringarna (CSV) för HR-systemet")
    String changesCsv();

    @Message("Tillbaka till kontrollerna")
    String back();

    @Message("Behöll uppgiften personen själv gav: {count} {#if count == 1}person{#else}personer{/if}")
    String keptOwnHeading(int count);

    @Message("De här personerna har själva ändrat sina uppgifter, men filen har fortfarande de gamla. Uppdatera HR-systemet, så följer nästa import med.")
    String keptOwnExplained();

    @Message("inte {value} som i filen")
    String notImported(String value);

    @Message("Provkör utan att skicka")
    String drill();

    @Message("Provkörning, ingenting skickades eller sparades. {people} {#if people == 1}person{#else}personer{/if} skulle få en länk: {bySms} med SMS och {byEmail} med e-post{#if instead > 0} ({instead} av dem för att mobilnumret inte fungerar){/if}.")
    String drillResult(int people, int bySms, int byEmail, int instead);

    @Message("Kan inte nås (varken mobil eller e-post)")
    String drillUnreachable();
}
