package se.outband.messaging.email;

/** One email: plain text is the message itself; the HTML part is made from it. */
public record OutgoingMail(String to, String subject, String text, String statusPageUrl) {
}
