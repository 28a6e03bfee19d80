package se.outband.access;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** The three roles. {@code admin} may do everything, so every endpoint lists it. */
public final class Roles {

    public static final String ADMIN = "admin";
    /** Sends bulletins and edits the status page: crisis leaders, HR. */
    public static final String SENDER = "sender";
    /** Manages contact lists: HR administrators. */
    public static final String CONTACTS = "contacts";

    public static final Set<String> ALL = Set.of(ADMIN, SENDER, CONTACTS);

    private Roles() {
    }

    /** The roles of a comma-separated list as stored in the database. */
    static Set<String> split(String stored) {
        return new TreeSet<>(Arrays.asList(stored.split(",")));
    }
}
