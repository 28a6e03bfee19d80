package se.outband.messaging.providers.email;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outband.mail")
public interface MailConfig {

    /** {@code smtp} or {@code dry-run}. */
    @WithDefault("dry-run")
    @WithConverter(MailProvider.Converter.class)
    MailProvider provider();

    Smtp smtp();

    /** Emails sent at the same time. */
    @WithDefault("4")
    int maxConcurrency();

    interface Smtp {
        Optional<String> host();

        @WithDefault("587")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** {@code required}, {@code optional} or {@code none}. */
        @WithDefault("required")
        @WithConverter(StartTls.Converter.class)
        StartTls starttls();

        Optional<String> from();

        /** Where replies go: an external mailbox the crisis team reads. */
        Optional<String> replyTo();
    }
}
