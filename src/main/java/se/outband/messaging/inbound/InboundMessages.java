package se.outband.messaging.inbound;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What Outband answers a call to its webhooks that it refuses (English in messages/inbound_en.properties). */
@MessageBundle(value = "inbound", locale = "sv")
public interface InboundMessages {

    @Message("{field} saknas eller har en form som leverantören aldrig skickar.")
    String idInvalid(String field);

    @Message("Anropet kunde inte verifieras som ett anrop från {provider}.")
    String badSignature(String provider);
}
