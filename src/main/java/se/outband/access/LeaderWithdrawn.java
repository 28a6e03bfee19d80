package se.outband.access;

/**
 * A user may no longer finish from their mobile what they started there: they were removed, lost the
 * sender or admin role, or their mobile changed. Fired inside the change's transaction, so whatever
 * waited for them (an SMS send waiting for its code) ends with the change, or not at all.
 */
public record LeaderWithdrawn(String username) {
}
