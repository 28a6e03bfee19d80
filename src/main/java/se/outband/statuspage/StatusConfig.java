package se.outband.statuspage;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import se.outband.common.WebAddress;

@ConfigMapping(prefix = "outband.status")
public interface StatusConfig {

    /** Shown at the top of the page, e.g. "Exempelby kommun". */
    @WithDefault("Kommunen")
    String organisation();

    /** Run after each render with {dir} replaced by the site folder, e.g. an rclone or rsync to another host. */
    Optional<String> publishCommand();

    @WithDefault("PT60S")
    Duration publishTimeout();

    /**
     * Where the public reads the status page (printed on posters: a typo there sends people nowhere for as
     * long as the poster hangs) (the poster's QR code, links in messages): the copy on a
     * static host when there is one, since that is what still answers when Outband does not.
     */
    Optional<@WebAddress(message = "it must be the address where people read the status page, e.g. https://status.example.org/") String> publicUrl();

    Contact contact();

    /**
     * Where the public reports an accessibility problem with the status page, as the accessibility statement
     * must say (the law on accessible digital public services): an email address, a web address (e.g. the
     * organisation's form) or any text. Without it the statement points to the "how to reach us" block.
     */
    Optional<String> accessibilityContact();

    /** The "how to reach us" block: what Kalix staff had to learn from posters. */
    interface Contact {
        Optional<String> hotline();

        Optional<String> sms();

        Optional<String> address();
    }
}
