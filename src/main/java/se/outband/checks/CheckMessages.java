package se.outband.checks;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What contact checks say, to HR and in the messages to staff. Swedish first; English in messages/checks_en.properties. */
@MessageBundle(value = "checks", locale = "sv")
public interface CheckMessages {

    @Message("Hej {name}! Stämmer dina kontaktuppgifter för krisutskick? Kontrollera och rätta dem senast {deadline}: {link}")
    String linkText(String name, String deadline, String link);

    @Message("Påminnelse: stämmer dina kontaktuppgifter för krisutskick? Kontrollera dem senast {deadline}: {link}")
    String reminderText(String deadline, String link);

    @Message("Din kod för att bekräfta det nya mobilnumret i Outband: {code}. Den gäller i {minutes} minuter. Har du inte bett om den kan du bortse från detta SMS.")
    String codeText(String code, long minutes);

    @Message("Bekräfta din nya e-postadress för krisutskick\n\nÖppna länken för att bekräfta att adressen är din: {link}\n\nHar du inte bett om detta kan du bortse från meddelandet.")
    String emailConfirmText(String link);

    @Message("Sista dag ({deadline}) har redan passerat. Välj en dag från i dag och framåt.")
    String deadlinePassed(String deadline);

    @Message("Sista dag saknas eller går inte att läsa. Skriv den som 2027-01-31.")
    String deadlineMissing();

    @Message("Sista dag ({deadline}) ligger mer än ett år fram. Välj en dag inom ett år.")
    String deadlineTooFar(String deadline);

    @Message("Okända grupper: {names}. Kontrollera stavningen.")
    String unknownGroups(String names);

    @Message("Okända enheter: {names}. Kontrollera stavningen.")
    String unknownUnits(String names);

    @Message("Ingen person finns i det som valdes, så ingen kontroll har startats.")
    String nobodyChosen();

    @Message("Kontaktkontroll {id} finns inte.")
    String checkNotFound(long id);

    @Message("Kontrollens sista dag har passerat; påminnelser skickas inte längre.")
    String checkOver();

    @Message("En påminnelse skickades kl {at}. Nästa kan skickas tidigast en timme efter den, så att ingen får flera SMS i rad.")
    String remindedRecently(String at);
}
