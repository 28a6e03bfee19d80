package se.outband.messaging.bulletins;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which channels a bulletin uses. */
public enum ChannelPolicy {
    /** SMS; email to those without a mobile or whose SMS failed. The default. */
    SMS_THEN_EMAIL("sms-then-email"),
    SMS("sms"),
    EMAIL("email"),
    /** Both at once to everyone who has them. */
    BOTH("both");

    private final String value;

    ChannelPolicy(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Null for an unknown value, so the caller can explain the choices. */
    @JsonCreator
    public static ChannelPolicy parse(String value) {
        if (value == null || value.isBlank()) {
            return SMS_THEN_EMAIL;
        }
        for (ChannelPolicy policy : values()) {
            if (policy.value.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        return null;
    }
}
