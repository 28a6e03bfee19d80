package se.outband.messaging.providers.email;

import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import io.quarkus.qute.Template;
import se.outband.messaging.providers.SendResult;

/**
 * Sends through an external SMTP relay with Jakarta Mail (Eclipse Angus): plain text plus an escaped
 * HTML part with a link to the status page; no images and no remote content.
 */
final class SmtpMailGateway implements MailGateway {

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final String username;
    private final String password;
    private final Clock clock;
    private final Template htmlTemplate;

    SmtpMailGateway(MailConfig.Smtp smtp, Clock clock, Template htmlTemplate) {
        this.htmlTemplate = htmlTemplate;
        String host = smtp.host().filter(h -> !h.isBlank())
                .orElseThrow(() -> new IllegalStateException("Set outband.mail.smtp.host to send email over SMTP"));
        this.from = address(smtp.from().orElseThrow(() -> new IllegalStateException("Set outband.mail.smtp.from")),
                "outband.mail.smtp.from");
        this.replyTo = smtp.replyTo().map(a -> address(a, "outband.mail.smtp.reply-to")).orElse(null);
        this.username = smtp.username().orElse(null);
        this.password = smtp.password().orElse(null);
        this.clock = clock;

        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.auth", Boolean.toString(username != null));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        switch (smtp.starttls()) {
            case REQUIRED -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case OPTIONAL -> props.put("mail.smtp.starttls.enable", "true");
            case NONE -> props.put("mail.smtp.starttls.enable", "false");
        }
        this.session = Session.getInstance(props);
    }

    @Override
    public String name() {
        return MailProvider.SMTP.configValue();
    }

    @Override
    public SendResult send(OutgoingMail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            if (replyTo != null) {
                message.setReplyTo(new Address[] {replyTo});
            }
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setContent(body(mail));
            if (mail.unsubscribeUrl() != null) {
                // RFC 8058: the mailbox provider ends it with one POST, without opening a page or a mail of ours.
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.saveChanges();
            if (username != null) {
                Transport.send(message, username, password);
            } else {
                Transport.send(message);
            }
            return new SendResult.Accepted(message.getMessageID(), true);
        } catch (AddressException e) {
            return new SendResult.Failed("invalid-address", "Invalid email address " + mail.to() + ": " + e.getMessage());
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    private MimeMultipart body(OutgoingMail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        String unsubscribe = mail.unsubscribeUrl() == null ? ""
                : "Avsluta prenumerationen / Unsubscribe: " + mail.unsubscribeUrl() + "\n";
        text.setText(mail.text() + "\n\n" + "Läget just nu / Current status: " + mail.statusPageUrl() + "\n" + unsubscribe, "UTF-8");
        List<List<String>> paragraphs = Arrays.stream(mail.text().split("\\R\\s*\\R"))
                .map(paragraph -> List.of(paragraph.split("\\R")))
                .toList();
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(htmlTemplate
                .data("subject", mail.subject())
                .data("paragraphs", paragraphs)
                .data("statusPageUrl", mail.statusPageUrl())
                .data("unsubscribeUrl", mail.unsubscribeUrl())
                .render(), "text/html; charset=UTF-8");
        return new MimeMultipart("alternative", text, html);
    }

    /** SMTP 4xx is passing (greylisting, full queue), 5xx is final; no answer at all is passing too. */
    private static SendResult classify(MessagingException e) {
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            int code = cause instanceof SMTPSendFailedException s ? s.getReturnCode()
                    : cause instanceof SMTPAddressFailedException a ? a.getReturnCode() : 0;
            if (code >= 500) {
                return new SendResult.Failed("smtp-" + code, "Mail relay refused: " + cause.getMessage());
            }
            if (code >= 400) {
                return new SendResult.Retry("Mail relay deferred (" + code + "): " + cause.getMessage());
            }
        }
        if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            return new SendResult.Failed("invalid-address", "Mail relay refused the address: " + e.getMessage());
        }
        return new SendResult.Retry("Mail relay could not be reached: " + e.getMessage());
    }

    private static InternetAddress address(String value, String key) {
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalStateException(key + " is not a valid address: " + value, e);
        }
    }
}
