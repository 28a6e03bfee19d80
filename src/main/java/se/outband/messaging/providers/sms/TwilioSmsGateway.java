package se.outband.messaging.providers.sms;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.RestException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import se.outband.messaging.providers.SendResult;

/** Sends through Twilio's Messages API with the official SDK. */
final class TwilioSmsGateway implements SmsGateway {

    private final TwilioAccount account;
    private final String messagingServiceSid;
    private final String from;
    private final URI statusCallback;

    TwilioSmsGateway(SmsConfig config, URI statusCallback) {
        SmsConfig.Twilio twilio = config.twilio();
        this.account = new TwilioAccount(twilio, config.maxConcurrency());
        this.messagingServiceSid = twilio.messagingServiceSid().orElse(null);
        this.from = twilio.from().orElse(null);
        if (messagingServiceSid == null && from == null) {
            throw new IllegalStateException(
                    "Set outband.sms.twilio.messaging-service-sid or outband.sms.twilio.from to send SMS with Twilio");
        }
        this.statusCallback = statusCallback;
        readAnswersOnce(account.client().getObjectMapper());
    }

    /**
     * Jackson builds its reader for each kind of answer once, under a lock. Left to the first bulletin after a start,
     * its senders all waited for it (199 of 200 senders, 80 ms each, at 2,000 SMS/s): read here, at start, an answer
     * of each kind Twilio gives a new message, with the fields whose converters also start on first use.
     */
    private static void readAnswersOnce(ObjectMapper mapper) {
        Message.fromJson("{\"sid\": \"SM00000000000000000000000000000000\", \"status\": \"queued\", \"direction\": \"outbound-api\","
                + " \"date_created\": \"Mon, 07 Dec 2026 08:00:00 +0000\", \"price\": null, \"price_unit\": \"USD\"}", mapper);
        RestException.fromJson(new ByteArrayInputStream(
                "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}".getBytes(StandardCharsets.UTF_8)), mapper);
    }

    @Override
    public String name() {
        return SmsProvider.TWILIO.configValue();
    }

    /** A Messaging Service (with its numbers) or a phone number can take replies; a name such as "Kommunen" cannot. */
    @Override
    public Optional<String> oneWaySender() {
        return messagingServiceSid == null && !TwilioAccount.isPhoneNumber(from) ? Optional.of(from) : Optional.empty();
    }

    @Override
    public boolean reachable() {
        return account.reachable();
    }

    @Override
    public SendResult send(String to, String body) {
        MessageCreator creator = messagingServiceSid != null
                ? Message.creator(new PhoneNumber(to), messagingServiceSid, body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(from), body);
        return account.request(client -> creator.setStatusCallback(statusCallback).create(client).getSid());
    }
}
