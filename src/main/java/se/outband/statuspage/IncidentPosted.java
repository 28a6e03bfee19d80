package se.outband.statuspage;

/**
 * An incident opened, updated or resolved, fired inside the change's transaction: whoever tells others
 * about it stores what it needs in that transaction, so nothing told is lost to a crash and publishing
 * waits for no one. {@code tellSubscribers} is false when the leader chose not to tell subscribers (a typo fixed).
 */
public record IncidentPosted(long incidentId, long updateId, Kind kind, IncidentState state, String title, String titleEn, String text,
        String textEn, boolean tellSubscribers) {

    public enum Kind {
        OPENED, UPDATED, RESOLVED
    }
}
