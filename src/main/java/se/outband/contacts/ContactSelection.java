package se.outband.contacts;

/** Which contacts a person reads: a group (everyone when blank), a search (all when blank), only failing numbers. */
public record ContactSelection(String group, String search, boolean failingOnly) {
}
