package se.outband.common;

/**
 * The rules of one feature's settings that span several of its keys (Twilio among the providers needs
 * its account); every problem found is added, none thrown. A value on its own is constrained where the
 * feature's mapping declares it. {@link SettingsReport} runs the checks.
 */
public interface SettingsCheck {

    void check(SettingsProblems problems);
}
