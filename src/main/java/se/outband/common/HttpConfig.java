package se.outband.common;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a request may take to send its body: a body that trickles in holds a connection and memory meanwhile. */
@ConfigMapping(prefix = "outband.http")
public interface HttpConfig {

    /**
     * Any request but an upload: a form, a webhook or an API call of at most 1 MB arrives in far less. It is
     * counted from the request's start, which includes any wait for sign-in to be checked before the body is
     * read: far shorter would cut off a leader whose sign-in waits on a busy database.
     */
    @WithDefault("PT10S")
    Duration bodyDeadline();

    /** A signed-in upload of a contact list (up to outband.contacts.max-import-bytes) over a slow mobile connection. */
    @WithDefault("PT5M")
    Duration uploadDeadline();
}
