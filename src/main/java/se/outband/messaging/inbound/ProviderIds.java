package se.outband.messaging.inbound;

import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import se.outband.common.Refused;

/** A provider's id of a message or call, as its webhooks send it (Twilio's MessageSid and CallSid, 46elks' id). */
public final class ProviderIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private ProviderIds() {
    }

    /** Signed or behind a secret, but still checked: a value no provider sends is a 400, never a database error. */
    public static String from(MultivaluedMap<String, String> form, String field) {
        String id = form.getFirst(field);
        if (id == null || !ID.matcher(id).matches()) {
            throw new Refused(new InboundRefusal.IdInvalid(field));
        }
        return id;
    }
}
