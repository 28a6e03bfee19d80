package se.outband.messaging.providers.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import se.outband.messaging.providers.SendResult;

/** What each of 46elks' answers means for a message: taken, the number's fault, or 46elks' own trouble. */
class ElksAnswersTest {

    private final ElksSmsGateway elks = new ElksSmsGateway(new SmsConfig.Elks() {
        @Override
        public Optional<String> username() {
            return Optional.of("u-test");
        }

        @Override
        public Optional<String> password() {
            return Optional.of("secret");
        }

        @Override
        public Optional<String> from() {
            return Optional.of("Kommunen");
        }

        @Override
        public String apiUrl() {
            return "http://127.0.0.1:9/a1";
        }

        @Override
        public Optional<String> webhookSecret() {
            return Optional.of("x".repeat(32));
        }

        @Override
        public OptionalDouble ratePerSecond() {
            return OptionalDouble.empty();
        }

        @Override
        public OptionalInt maxConcurrency() {
            return OptionalInt.empty();
        }

        @Override
        public Optional<BigDecimal> pricePerSegment() {
            return Optional.empty();
        }
    }, "https://outband.test/webhooks/46elks/x/status");

    @Test
    void aMessageWithAnIdIsTaken() {
        SendResult.Accepted accepted = assertInstanceOf(SendResult.Accepted.class, elks.classify(200,
                "{\"status\": \"created\", \"id\": \"s17a6dafb12d6b2f9ba1a9f7f8b81d3d9\", \"parts\": 1, \"cost\": 3500}"));
        assertEquals("s17a6dafb12d6b2f9ba1a9f7f8b81d3d9", accepted.providerId());
    }

    @Test
    void aRefusedNumberIsFinalAndFallsBackToEmail() {
        for (String said : new String[] {"Invalid to number", "Invalid 'to' number.", "The to number is not a mobile phone"}) {
            assertInstanceOf(SendResult.Failed.class, elks.classify(403, said), said);
            assertInstanceOf(SendResult.Failed.class, elks.classify(400, said), said);
        }
    }

    @Test
    void theAccountsTroubleSendsTheMessageToTheNextProvider() {
        assertEquals(SendResult.Trouble.PROVIDER_DOWN, ((SendResult.Retry) elks.classify(401, "Unauthorized")).trouble());
        assertEquals(SendResult.Trouble.PROVIDER_DOWN, ((SendResult.Retry) elks.classify(403, "Not enough credits to send to this number")).trouble());
        assertEquals(SendResult.Trouble.PROVIDER_DOWN, ((SendResult.Retry) elks.classify(403, "Sender not allowed")).trouble());
        assertEquals(SendResult.Trouble.PROVIDER_DOWN, ((SendResult.Retry) elks.classify(502, "<html>Bad gateway</html>")).trouble());
        assertEquals(SendResult.Trouble.PROVIDER_DOWN, ((SendResult.Retry) elks.classify(200, "not json")).trouble());
        assertEquals(SendResult.Trouble.THROTTLED, ((SendResult.Retry) elks.classify(429, "Too many requests")).trouble());
    }

    @Test
    void anUnreachable46elksIsItsTrouble() {
        SendResult result = elks.send("+46701740605", "Test");
        assertEquals(SendResult.Trouble.PROVIDER_DOWN, ((SendResult.Retry) result).trouble());
    }
}
