package se.outband.access;

import java.util.Set;

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
}
