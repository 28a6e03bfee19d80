package se.outband.common;

/** One feature's look at its own settings before Outband starts; every problem found is added, none thrown. */
public interface SettingsCheck {

    void check(SettingsProblems problems);
}
