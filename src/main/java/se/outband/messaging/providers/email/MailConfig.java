package se.outband.messaging.providers.email;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
    @Min(value = 1, message = "it must be between 1 and 100")
    @Max(value = 100, message = "it must be between 1 and 100")
    int maxConcurrency();

    interface Smtp {
        Optional<String> host();

        @WithDefault("587")
        @Min(value = 1, message = "it must be a port number, usually 587")
        @Max(value = 65535, message = "it must be a port number, usually 587")
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
