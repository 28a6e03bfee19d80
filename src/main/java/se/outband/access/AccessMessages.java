package se.outband.access;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What accounts and tokens say to administrators and to people signing in. */
@MessageBundle(value = "access", locale = "sv")
public interface AccessMessages {

    @Message("För många inloggningsförsök härifrån. Vänta {minutes} minuter och försök igen. Inloggning från en annan enhet eller ett annat nät fungerar som vanligt.")
    String heldBack(long minutes);

    @Message("Ditt konto använder tvåstegsinloggning, så lösenordet räcker inte för API:t. Be en administratör om en API-nyckel och skicka den som Authorization: Bearer.")
    String useToken();

    @Message("Din roll kräver tvåstegsinloggning, och lösenordet ensamt öppnar inte API:t. Logga in i webbgränssnittet och slå på tvåstegsinloggning under Mitt konto. Skript och integrationer använder en API-nyckel (Authorization: Bearer).")
    String enrolFirst();

    @Message("Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu, eller en av dina reservkoder.")
    String codeWrong();

    @Message("Lösenordet eller koden stämmer inte. Skriv ditt lösenord, eller koden som appen du har nu visar, så vet Outband att det är du som ändrar tvåstegsinloggningen.")
    String proofWrong();

    @Message("Fel användarnamn eller lösenord, eller en ogiltig API-nyckel.")
    String badCredentials();

    @Message("Användarnamnet får bara innehålla a–z, 0–9, punkt, bindestreck och understreck (2–64 tecken).")
    String usernameInvalid();

    @Message("Lösenordet måste ha minst {min} tecken. En mening av några ord är lätt att minnas och svår att gissa.")
    String passwordTooShort(int min);

    @Message("Lösenordet får ha högst {max} tecken.")
    String passwordTooLong(int max);

    @Message("Okänd roll \"{role}\". Roller: admin, sender, contacts.")
    String roleUnknown(String role);

    @Message("Ange minst en roll: admin, sender eller contacts.")
    String rolesMissing();

    @Message("Det finns redan en användare som heter {username}.")
    String userExists(String username);

    @Message("Det finns ingen användare som heter {username}.")
    String userNotFound(String username);

    @Message("Det måste finnas minst en administratör kvar.")
    String lastAdmin();

    @Message("Ge nyckeln ett namn som säger vem eller vad som använder den (högst 100 tecken).")
    String tokenNameMissing();

    @Message("Det finns ingen API-nyckel med id {id}.")
    String tokenNotFound(long id);

    @Message("Innehållet saknas: skicka det som JSON.")
    String bodyMissing();

    @Message("\"{value}\" är inget mobilnummer. Skriv t.ex. 070-174 06 05 eller +46 70 174 06 05. Ett fast nummer kan inte ta emot SMS.")
    String mobileInvalid(String value);

    @Message("{number} är redan en annan användares mobilnummer. SMS-kommandon följs bara från en användares eget nummer.")
    String mobileTaken(String number);
}
