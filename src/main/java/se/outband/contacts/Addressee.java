package se.outband.contacts;

/** Who a message goes to and where: what other features need of a contact to reach them. */
public record Addressee(String id, String name, String mobile, String email) {
}
