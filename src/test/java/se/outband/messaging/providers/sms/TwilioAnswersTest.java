package se.outband.messaging.providers.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.RestException;

import se.outband.messaging.providers.SendResult;
import se.outband.messaging.providers.SendResult.Trouble;

/**
 * What each of Twilio's refusals means for a message: Twilio pacing us, Twilio's own trouble (the next
 * provider takes over), or the number's fault (falls back to email). The exceptions are the SDK's own,
 * built as the SDK builds them from Twilio's error answer.
 */
class TwilioAnswersTest {

    /** What the SDK throws when Twilio answers {@code status} with its JSON error body. */
    private static ApiException answer(int status, int code, String message) {
        String json = "{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": \"https://www.twilio.com/docs/errors/"
                + code + "\", \"status\": " + status + "}";
        return new ApiException(RestException.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), new ObjectMapper()));
    }

    private static Trouble retried(SendResult result) {
        return assertInstanceOf(SendResult.Retry.class, result).trouble();
    }

    @Test
    void tooManyRequestsIsThrottling() {
        assertEquals(Trouble.THROTTLED, retried(TwilioAccount.classify(answer(429, 20429, "Too Many Requests"))));
        assertEquals(Trouble.THROTTLED, retried(TwilioAccount.classify(new ApiException("Too Many Requests", 429))),
                "a 429 without Twilio's body");
        SendResult.Retry retry = (SendResult.Retry) TwilioAccount.classify(answer(429, 20429, "Too Many Requests"));
        assertEquals("Twilio 20429: Too Many Requests", retry.error());
    }

    @Test
    void serverErrorsMeanTwilioIsDown() {
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(answer(500, 20500, "Internal Server Error"))));
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(answer(503, 20503, "Service Unavailable"))));
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(new ApiException("Server Error, no content", 502))));
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(new ApiException("Bad Gateway", 504))));
    }

    /** Twilio's "try again" codes count whatever status they came with. */
    @Test
    void twilioTryAgainCodesMeanTwilioIsDown() {
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(answer(400, 20500, "Internal Server Error"))));
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(answer(400, 20503, "Service Unavailable"))));
    }

    /** Wrong credentials are for an administrator to fix: messages wait (and another provider sends) rather than being given up. */
    @Test
    void refusedCredentialsMeanTwilioIsDownForUs() {
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(answer(401, 20003, "Authenticate"))));
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(answer(403, 20403, "Forbidden"))));
    }

    @Test
    void noAnswerAtAllMeansTwilioIsDown() {
        SendResult result = TwilioAccount.classify(new ApiConnectionException("Connection refused", new ConnectException("refused")));
        assertEquals(Trouble.PROVIDER_DOWN, retried(result));
        assertTrue(((SendResult.Retry) result).error().contains("Connection refused"), result.toString());
        assertEquals(Trouble.PROVIDER_DOWN, retried(TwilioAccount.classify(new ApiException("Unknown failure"))),
                "an error without any status is no verdict on the number");
    }

    @Test
    void aRefusalOfTheNumberIsFinalForThatNumber() {
        for (int code : new int[] {21211, 21614, 21610, 21408}) {
            SendResult result = TwilioAccount.classify(answer(400, code, "Refused " + code));
            SendResult.Failed failed = assertInstanceOf(SendResult.Failed.class, result, () -> code + ": " + result);
            assertEquals(Integer.toString(code), failed.code());
            assertEquals("Twilio " + code + ": Refused " + code, failed.error());
        }
    }
}
