package se.outband.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word of a person's own page (/self/…). Swedish first; English in messages/self_en.properties. */
@MessageBundle(value = "self", locale = "sv")
public interface SelfMessages {

    @Message("Dina kontaktuppgifter")
    String heading();

    @Message("Vid en kris, när organisationens egna system inte fungerar, når vi dig med de här uppgifterna. Kontrollera att de stämmer senast {deadline}.")
    String intro(String deadline);

    @Message("Namn")
    String name();

    @Message("Enhet")
    String unit();

    @Message("Mobilnummer")
    String mobile();

    @Message("Privat e-post")
    String email();

    @Message("Språk")
    String language();

    @Message("saknas")
    String none();

    @Message("{#when tag}{#is 'en'}engelska{#else}svenska{/when}")
    String languageName(String tag);

    @Message("Stämmer")
    String confirm();

    @Message("Rätta uppgifterna")
    String correctHeading();

    @Message("Fyll bara i det som ska ändras; tomma fält lämnas som de är. Ett nytt mobilnummer bekräftar du med en kod som skickas till det numret, en ny e-postadress med en länk som skickas dit.")
    String correctIntro();

    @Message("Nytt mobilnummer, t.ex. 070-174 06 05")
    String newMobile();

    @Message("Ny privat e-postadress (inte jobbets)")
    String newEmail();

    @Message("Spara ändringarna")
    String save();

    @Message("Bekräfta ditt nya mobilnummer")
    String codeHeading();

    @Message("Vi har skickat en kod med sex siffror till {mobile}. Skriv den här. Numret sparas först när koden stämmer. Försök kvar: {left}.")
    String codeIntro(String mobile, int left);

    @Message("Kod (sex siffror)")
    String code();

    @Message("Bekräfta numret")
    String codeSubmit();

    @Message("Vi har skickat en länk till {email}. Adressen sparas när du öppnar länken och bekräftar.")
    String emailWaiting(String email);

    @Message("Tack! Dina uppgifter är bekräftade.")
    String saidConfirmed();

    @Message("Tack! Ändringen är sparad.")
    String saidSaved();

    @Message("Inget ändrades: uppgifterna är desamma som förut.")
    String saidNothingChanged();

    @Message("En kod är skickad till det nya numret.")
    String saidCodeSent();

    @Message("Fel kod. Kontrollera siffrorna i SMS:et och försök igen.")
    String saidCodeWrong();

    @Message("Koden hann gå ut. Skriv det nya numret igen så skickas en ny kod.")
    String saidCodeExpired();

    @Message("Ingen kod väntar. Skriv det nya numret i formuläret nedan.")
    String saidNoCodeWaiting();

    @Message("Det har skickats för många koder via den här länken. Kontakta HR för att ändra numret.")
    String saidTooManyCodes();

    @Message("En länk är skickad till den nya e-postadressen. Öppna den för att spara adressen.")
    String saidEmailSent();

    @Message("Tack! Den nya e-postadressen är sparad.")
    String saidEmailConfirmed();

    @Message("Den här bekräftelselänken gäller inte längre. Skriv e-postadressen igen så skickas en ny.")
    String saidEmailLinkWrong();

    @Message("Bekräfta din nya e-postadress")
    String emailConfirmHeading();

    @Message("Tryck på knappen för att spara {email} som din e-postadress för krisutskick.")
    String emailConfirmIntro(String email);

    @Message("Spara e-postadressen")
    String emailConfirmSubmit();

    @Message("Tillbaka till dina uppgifter")
    String back();

    @Message("Så behandlar vi dina uppgifter")
    String privacyHeading();

    @Message("Länken gäller inte")
    String unknownHeading();

    @Message("Länken är felskriven, har ersatts av en nyare (i en påminnelse) eller gäller inte längre. Använd länken i det senaste meddelandet, eller kontakta HR.")
    String unknownText();

    @Message("Länken har gått ut")
    String expiredHeading();

    @Message("Sista dagen för att kontrollera uppgifterna har passerat. Kontakta HR om något behöver ändras.")
    String expiredText();

    @Message("Länken är spärrad")
    String endedHeading();

    @Message("Fel kod har angetts fem gånger, så länken fungerar inte längre. Kontakta HR för att ändra dina uppgifter.")
    String endedText();

    @Message("För många försök")
    String heldBackHeading();

    @Message("För många felaktiga länkar eller koder har kommit härifrån. Vänta {minutes} minuter och försök igen.")
    String heldBackText(long minutes);

    @Message("Uppgifterna sparades inte")
    String errorHeading();
}
