package se.outband.messaging;

import java.util.Locale;

public enum Channel {
    SMS, EMAIL;

    /** How the channel is named in JSON, metrics and thread names: "sms", "email". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
