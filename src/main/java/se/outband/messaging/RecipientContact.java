package se.outband.messaging;

/** Someone a bulletin went to, as a leader needs them to follow up: by name, with how to reach them. */
public record RecipientContact(String contactId, String name, String mobile, String email) {
}
