package se.outband.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word of the public's subscription pages (/subscribe…). Swedish first; English in messages/subscribe_en.properties. */
@MessageBundle(value = "subscribe", locale = "sv")
public interface SubscribeMessages {

    @Message("Titta i din e-post")
    String sentHeading();

    @Message("Om adressen kan ta emot e-post kommer snart ett mejl med en länk. Först när du har följt länken får du e-post när driftstatus ändras. Kommer inget mejl, titta bland skräpposten.")
    String sentText();

    @Message("Det där är ingen e-postadress")
    String invalidHeading();

    @Message("Gå tillbaka till statussidan och skriv in din e-postadress, till exempel namn@example.se.")
    String invalidText();

    @Message("Vänta en stund")
    String heldHeading();

    @Message("Härifrån har det kommit många anmälningar på kort tid. Försök igen om en timme.")
    String heldText();

    @Message("Bekräfta din prenumeration")
    String confirmHeading();

    @Message("Tryck på knappen så får du e-post när driftstatus ändras. Varje mejl har en länk som avslutar prenumerationen.")
    String confirmText();

    @Message("Ja, skicka e-post till mig")
    String confirmButton();

    @Message("Nu prenumererar du")
    String confirmedHeading();

    @Message("Du får e-post när driftstatus ändras. Varje mejl har en länk som avslutar prenumerationen.")
    String confirmedText();

    @Message("Länken gäller inte längre")
    String expiredHeading();

    @Message("Länken har gått ut eller används redan. Anmäl dig igen på statussidan om du vill ha e-post.")
    String expiredText();

    @Message("Avsluta prenumerationen")
    String stopHeading();

    @Message("Tryck på knappen så får du ingen mer e-post om driftstatus från oss.")
    String stopText();

    @Message("Avsluta")
    String stopButton();

    @Message("Prenumerationen är avslutad")
    String stoppedHeading();

    @Message("Du får ingen mer e-post om driftstatus från oss.")
    String stoppedText();

    @Message("Till statussidan")
    String back();
}
