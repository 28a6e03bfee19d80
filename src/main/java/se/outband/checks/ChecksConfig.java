package se.outband.checks;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a person is told on their own page, and how long a code for a new number lasts. */
@ConfigMapping(prefix = "outband.checks")
public interface ChecksConfig {

    /**
     * The privacy notice on each person's page (controller, purpose, legal basis, contact, retention), in
     * Swedish. The default is a placeholder an organisation replaces with its own.
     */
    @WithDefault("Personuppgiftsansvarig är din arbetsgivare. Uppgifterna används bara för att nå dig vid en kris"
            + " när organisationens egna system inte fungerar (rättslig grund: allmänt intresse och arbetsgivarens"
            + " rättsliga förpliktelser). Frågor om dina uppgifter ställer du till din HR-avdelning eller till"
            + " dataskyddsombudet. Uppgifterna sparas så länge du är anställd; leveranser och svar i 13 månader.")
    String privacyNotice();

    /** The notice in English; without it, the English page shows the Swedish text (marked as Swedish). */
    Optional<String> privacyNoticeEn();

    /** How long the code sent to a new mobile number can be entered. */
    @WithDefault("PT15M")
    Duration codeValidFor();
}
