package se.outband.messaging.providers.email;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "outband.mail")
public interface MailConfig {

    /** {@code smtp} or {@code dry-run}. */
    String provider();

    Smtp smtp();

    /** Emails sent at the same time. */
    int maxConcurrency();

    interface Smtp {
        Optional<String> host();

        int port();

        Optional<String> username();

        Optional<String> password();

        /** {@code required}, {@code optional} or {@code none}. */
        String starttls();

        Optional<String> from();

        /** Where replies go: an external mailbox the crisis team reads. */
        Optional<String> replyTo();
    }
}
