package se.outband.messaging.sms;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "outband.sms")
public interface SmsConfig {

    /** {@code twilio} or {@code dry-run}. */
    String provider();

    Twilio twilio();

    /** SMS sent at the same time (and the size of the HTTP connection pool to the provider). */
    int maxConcurrency();

    /** SMS segments per second: Twilio allows 10 per sender outside North America, more with a Messaging Service. */
    double ratePerSecond();

    /** For the cost estimate in the preview. */
    BigDecimal pricePerSegment();

    String currency();

    Retry retry();

    interface Twilio {
        Optional<String> accountSid();

        Optional<String> authToken();

        /** Preferred sender: a Messaging Service (its own number pool and higher rate). */
        Optional<String> messagingServiceSid();

        /** Otherwise a number or an alphanumeric sender id, e.g. "Kommunen". */
        Optional<String> from();

        /** Base URL of the Twilio REST API; tests point it at a fake. */
        String apiUrl();
    }

    interface Retry {
        /** Wait before the first retry; it doubles each time, with jitter, up to {@link #maxBackoff()}. */
        Duration initialBackoff();

        Duration maxBackoff();

        /** A message still not accepted after this long is given up (and falls back to email if chosen). */
        Duration giveUpAfter();
    }
}
