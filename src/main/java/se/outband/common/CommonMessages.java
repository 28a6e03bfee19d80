package se.outband.common;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

@MessageBundle(value = "common", locale = "sv")
public interface CommonMessages {

    @Message("Du behöver logga in: ange användarnamn och lösenord eller en API-nyckel.")
    String unauthorized();

    @Message("Ditt konto har inte behörighet till det här. Be en administratör om rätt roll.")
    String forbidden();

    @Message("Det finns inget här. Kontrollera adressen.")
    String notFound();

    @Message("Begäran kunde inte läsas: {reason}")
    String badRequest(String reason);

    @Message("Begäran kunde inte läsas: fältet {field} har fel form (till exempel text där en lista väntas). Ingenting har ändrats.")
    String wrongType(String field);

    @Message("Begäran kunde inte läsas: den är inte det JSON-objekt som den här adressen tar emot. Ingenting har ändrats.")
    String wrongBody();

    @Message("Begäran är för stor. Största tillåtna storlek är {megabytes} MB.")
    String tooLarge(long megabytes);

    @Message("Begäran är för stor: högst {kilobytes} kB tas emot här. Ingenting har ändrats.")
    String bodyTooLarge(long kilobytes);

    @Message("Begäran saknar längd (Content-Length) och togs inte emot. Skicka den med längd.")
    String lengthRequired();

    @Message("Anropet kom från en annan webbplats och togs inte emot (skydd mot förfalskade anrop).")
    String crossSite();

    @Message("\"{value}\" går inte att tolka som ja eller nej: skriv true eller false. Ingenting har ändrats.")
    String notYesOrNo(String value);

    @Message("Okänd parameter \"{name}\" (stavning och stora bokstäver räknas). Tillåtna: {allowed}. Ingenting har ändrats.")
    String unknownParameter(String name, String allowed);

    @Message("Parametern {name} anges mer än en gång. Ingenting har ändrats.")
    String repeatedParameter(String name);

    @Message("Något gick fel i Outband. Försök igen; om felet består, kontakta den som driftar tjänsten.")
    String internalError();

    @Message("Adressen innehåller tecken som Outband inte använder. Kontrollera adressen.")
    String malformedAddress();

    @Message("Begäran är skriven i en teckenkodning som Outband inte läser. Skicka den som UTF-8.")
    String unknownCharset();

    @Message("Någon annan ändrade samma sak i samma ögonblick, så din ändring sparades inte. Läs in sidan igen och försök på nytt.")
    String changedMeanwhile();
}
