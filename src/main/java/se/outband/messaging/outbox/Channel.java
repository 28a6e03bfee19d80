package se.outband.messaging.outbox;

import java.util.Locale;

public enum Channel {
    SMS, EMAIL,
    /** A call that reads the bulletin, to a number that cannot take SMS. */
    VOICE;

    /** How the channel is named in JSON, metrics and thread names: "sms", "email", "voice". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
