package se.outband.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the reach report and the drills page. Swedish first; English in messages/report_en.properties. */
@MessageBundle(value = "report", locale = "sv")
public interface ReportMessages {

    @Message("Räckvidd för utskick {id}")
    String heading(long id);

    @Message("Räckvidd")
    String link();

    @Message("Skickat {at} till {recipients} mottagare.")
    String sent(String at, int recipients);

    @Message("Nådda över tid")
    String curveHeading();

    @Message("Andel nådda minut för minut efter utskicket: {reached} av {recipients} nåddes till slut. Samma siffror står i tabellen.")
    String curveDescription(long reached, int recipients);

    @Message("min")
    String minutes();

    @Message("Nådda inom")
    String within();

    @Message("{minutes} minuter")
    String withinMinutes(String minutes);

    @Message("Tid tills {percent} % nåtts")
    String timeTo(String percent);

    @Message("nåddes aldrig")
    String never();

    @Message("Andel")
    String share();

    @Message("Antal")
    String count();

    @Message("Per kanal")
    String byChannel();

    @Message("Per grupp")
    String byGroup();

    @Message("Per enhet")
    String byUnit();

    @Message("Kanal")
    String channel();

    @Message("Grupp")
    String group();

    @Message("Enhet")
    String unit();

    @Message("Mottagare")
    String recipients();

    @Message("Nådda")
    String reached();

    @Message("Nådda inom 15 min")
    String reached15();

    @Message("Svarade")
    String answered();

    @Message("Misslyckade leveranser per orsak")
    String failuresHeading();

    @Message("Orsak")
    String reason();

    @Message("Leveranser")
    String deliveries();

    @Message("Inga leveranser misslyckades.")
    String noFailures();

    @Message("Reservvägar")
    String failoversHeading();

    @Message("SMS skickade via {provider} när {first} inte fungerade")
    String toProvider(String provider, String first);

    @Message("Skickade som {channel} när första kanalen inte nådde fram")
    String toChannel(String channel);

    @Message("Ingen reservväg behövdes.")
    String noFailovers();

    @Message("Svar")
    String repliesHeading();

    @Message("Otolkade svar")
    String unrecognised();

    @Message("Har inte svarat")
    String noAnswer();

    @Message("Tid till svar (median)")
    String medianToAnswer();

    @Message("Aldrig nådda ({count})")
    String neverReachedHeading(int count);

    @Message("Namn")
    String name();

    @Message("Utfall")
    String outcome();

    @Message("Alla nåddes.")
    String everyoneReached();

    @Message("… och {more} till: se CSV-filen.")
    String more(int more);

    @Message("Hämta alla mottagare som CSV-fil")
    String csv();

    @Message("Skriv ut sidan med webbläsarens utskriftsfunktion; menyerna skrivs inte ut.")
    String printHint();

    @Message("Övningar över tid")
    String drillsHeading();

    @Message("Andel nådda inom 15 minuter vid varje övning, äldst till vänster. Samma siffror står i tabellen.")
    String trendDescription();

    @Message("Inga övningar har skickats ännu. Kryssa i \"Övning\" när du skickar en.")
    String noDrills();

    @Message("Datum")
    String date();

    @Message("Andel svar")
    String answeredShare();

    @Message("Hämta övningarna som CSV-fil")
    String drillsCsv();

    @Message("Alla övningar")
    String allDrills();
}
