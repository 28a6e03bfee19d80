package se.outband.messaging.providers.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import se.outband.messaging.providers.SendResult;

/** What each of 46elks' answers means for a message: taken, the number's fault, or 46elks' own trouble. */
class ElksAnswersTest {

    /**
     * Read by SmallRye as Outband reads it: an implementation of the interface written here would carry its
     * constraints, which Quarkus's Hibernate Validator refuses on an anonymous class.
     */
    private final ElksSmsGateway elks = new ElksSmsGateway(new SmallRyeConfigBuilder().withMapping(SmsConfig.class)
            .withSources(new PropertiesConfigSource(Map.of(
                    "outband.sms.46elks.username", "u-test",
                    "outband.sms.46elks.password", "secret",
                    "outband.sms.46elks.from", "Kommunen",
                    "outband.sms.46elks.api-url", "http://127.0.0.1:9/a1",
                    "outband.sms.46elks.webhook-secret", "x".repeat(32)), "test", 100))
            .build().getConfigMapping(SmsConfig.class).elks(), "https://outband.test/webhooks/46elks/x/status");

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
