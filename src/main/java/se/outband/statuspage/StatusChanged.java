package se.outband.statuspage;

/** Fired by every change of the status page; the site is rendered again once the change is committed. */
public record StatusChanged() {
}
