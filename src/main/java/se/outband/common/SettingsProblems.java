package se.outband.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What is missing or wrong in Outband's settings, each named the way an administrator sets it: the
 * environment variable first (what deploy/outband.env holds), the property in brackets.
 */
public final class SettingsProblems {

    private final List<String> problems = new ArrayList<>();

    /** OUTBAND_SMS_TWILIO_AUTH_TOKEN for outband.sms.twilio.auth-token, as Quarkus maps them. */
    public static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public void missing(String property, String why) {
        problems.add(name(property) + " is not set: " + why);
    }

    public void wrong(String property, Object value, String why) {
        problems.add(name(property) + " is '" + value + "': " + why);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }

    private static String name(String property) {
        return environmentVariable(property) + " (" + property + ")";
    }
}
