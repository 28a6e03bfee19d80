package se.outband.messaging.providers.email;

import se.outband.common.Text;

/**
 * One email: plain text is the message itself; the HTML part is made from it. {@code unsubscribeUrl}, when
 * given, is where the recipient ends what they asked for with one click (RFC 8058 headers and a link).
 */
public record OutgoingMail(String to, String subject, String text, String statusPageUrl, String unsubscribeUrl) {

    /** A message as an email: its subject is the first line, shortened to what mail clients show. */
    public static OutgoingMail of(String to, String message, String statusPageUrl) {
        return new OutgoingMail(to, subject(message), message, statusPageUrl, null);
    }

    public OutgoingMail unsubscribedAt(String url) {
        return new OutgoingMail(to, subject, text, statusPageUrl, url);
    }

    static String subject(String message) {
        String firstLine = message.lines().findFirst().orElse("").strip();
        return Text.clip(firstLine, 78);
    }
}
