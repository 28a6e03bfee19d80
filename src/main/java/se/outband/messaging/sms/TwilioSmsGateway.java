package se.outband.messaging.sms;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import se.outband.messaging.SendResult;

/** Sends through Twilio's Messages API with the official SDK. */
final class TwilioSmsGateway implements SmsGateway {

    /** Too many requests, and Twilio's own "try again" errors. */
    private static final Set<Integer> RETRY_CODES = Set.of(20500, 20503);
    private static final int TOO_MANY_REQUESTS = 20429;
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{3,15}");

    private final TwilioRestClient client;
    private final String accountSid;
    private final String messagingServiceSid;
    private final String from;
    private final URI statusCallback;

    TwilioSmsGateway(SmsConfig config, URI statusCallback) {
        SmsConfig.Twilio twilio = config.twilio();
        this.accountSid = required(twilio.accountSid().orElse(null), "outband.sms.twilio.account-sid");
        String authToken = required(twilio.authToken().orElse(null), "outband.sms.twilio.auth-token");
        this.messagingServiceSid = twilio.messagingServiceSid().orElse(null);
        this.from = twilio.from().orElse(null);
        if (messagingServiceSid == null && from == null) {
            throw new IllegalStateException(
                    "Set outband.sms.twilio.messaging-service-sid or outband.sms.twilio.from to send SMS with Twilio");
        }
        this.statusCallback = statusCallback;
        this.client = new TwilioRestClient.Builder(accountSid, authToken)
                .accountSid(accountSid)
                .httpClient(new BaseUrlHttpClient(URI.create(twilio.apiUrl()), config.maxConcurrency()))
                .build();
    }

    @Override
    public String name() {
        return "twilio";
    }

    /** A Messaging Service (with its numbers) or a phone number can take replies; a name such as "Kommunen" cannot. */
    @Override
    public Optional<String> oneWaySender() {
        return messagingServiceSid == null && !PHONE_NUMBER.matcher(from).matches() ? Optional.of(from) : Optional.empty();
    }

    /** Reads the account: authenticated, sends nothing, costs nothing. */
    @Override
    public boolean reachable() {
        try {
            Account.fetcher(accountSid).fetch(client);
            return true;
        } catch (ApiConnectionException | ApiException e) {
            return false;
        }
    }

    @Override
    public SendResult send(String to, String body) {
        MessageCreator creator = messagingServiceSid != null
                ? Message.creator(new PhoneNumber(to), messagingServiceSid, body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(from), body);
        try {
            Message message = creator.setStatusCallback(statusCallback).create(client);
            return new SendResult.Accepted(message.getSid(), false);
        } catch (ApiConnectionException e) {
            return new SendResult.Retry("Twilio could not be reached: " + e.getMessage(), SendResult.Trouble.PROVIDER_DOWN);
        } catch (ApiException e) {
            return classify(e);
        }
    }

    /**
     * 429 is throttling; 5xx and network errors mean the provider is down; so does 401/403, which means wrong credentials: messages wait for an
     * administrator to fix the configuration rather than being given up. Any other 4xx (21211 invalid
     * number, 21614 not a mobile, 21610 opted out, 21408 region not enabled…) is final for that number.
     */
    private static SendResult classify(ApiException e) {
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        String code = e.getCode() == null ? "http-" + status : e.getCode().toString();
        String error = "Twilio " + code + ": " + e.getMessage();
        if (status == 429 || e.getCode() != null && e.getCode() == TOO_MANY_REQUESTS) {
            return new SendResult.Retry(error, SendResult.Trouble.THROTTLED);
        }
        boolean passing = status >= 500 || status == 401 || status == 403 || status == 0
                || e.getCode() != null && RETRY_CODES.contains(e.getCode());
        return passing ? new SendResult.Retry(error, SendResult.Trouble.PROVIDER_DOWN) : new SendResult.Failed(code, error);
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + key + " to send SMS with Twilio");
        }
        return value;
    }
}
