package se.outband.continuity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What call lists and vCards answer when there is nobody to give out. Swedish first; English in messages/calllists_en.properties. */
@MessageBundle(value = "calllists", locale = "sv")
public interface CallListMessages {

    @Message("{#if group && unit}Ingen i gruppen \"{group}\" hör till enheten \"{unit}\"."
            + "{#else if group}Det finns ingen grupp som heter \"{group}\" (stora och små bokstäver räknas)."
            + "{#else if unit}Det finns ingen enhet som heter \"{unit}\" (stora och små bokstäver räknas)."
            + "{#else}Kontaktlistan är tom.{/if} Det finns ingen att skriva ut eller spara; välj en grupp under Kontakter.")
    String nobody(String group, String unit);
}
