package se.outband.messaging.bulletins;

/** Someone a bulletin went to, as a leader needs them to follow up: by name, with how to reach them. */
public record RecipientContact(String contactId, String name, String mobile, String email) {

    /** A bulletin's recipients (?1) as this record; callers add which of them they want and an order. */
    static final String OF_BULLETIN = "select new se.outband.messaging.bulletins.RecipientContact(r.contactId, r.name, r.mobile, r.email)"
            + " from Recipient r where r.bulletinId = ?1";
}
