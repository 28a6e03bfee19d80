package se.outband.contacts;

/** A group and how many contacts are in it. */
public record GroupSummary(String name, long members) {
}
