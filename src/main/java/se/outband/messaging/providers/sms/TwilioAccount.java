package se.outband.messaging.providers.sms;

import java.net.URI;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;

import se.outband.messaging.providers.SendResult;

/** Outband's Twilio account as the SDK talks to it: what sends SMS and makes calls. */
public final class TwilioAccount {

    /** Too many requests, and Twilio's own "try again" errors. */
    private static final Set<Integer> RETRY_CODES = Set.of(20500, 20503);
    private static final int TOO_MANY_REQUESTS = 20429;
    /** A number people can call and answer, as a regular expression. */
    public static final String PHONE_NUMBER = "\\+?[0-9]{3,15}";
    private static final Pattern PHONE_NUMBERS = Pattern.compile(PHONE_NUMBER);

    private final String sid;
    private final TwilioRestClient client;

    /** {@code connections}: how many requests may be open at once. */
    public TwilioAccount(SmsConfig.Twilio twilio, int connections) {
        this.sid = required(twilio.accountSid().orElse(null), "outband.sms.twilio.account-sid");
        String authToken = required(twilio.authToken().orElse(null), "outband.sms.twilio.auth-token");
        this.client = new TwilioRestClient.Builder(sid, authToken)
                .accountSid(sid)
                .httpClient(new BaseUrlHttpClient(URI.create(twilio.apiUrl()), connections))
                .build();
    }

    /** A number people can call and answer, unlike an alphanumeric sender id such as "Kommunen". */
    public static boolean isPhoneNumber(String sender) {
        return sender != null && PHONE_NUMBERS.matcher(sender).matches();
    }

    public TwilioRestClient client() {
        return client;
    }

    /** Reads the account: authenticated, sends nothing, costs nothing. */
    public boolean reachable() {
        try {
            Account.fetcher(sid).fetch(client);
            return true;
        } catch (ApiConnectionException | ApiException e) {
            return false;
        }
    }

    /**
     * Makes one request that creates a message or a call and says what came of it: Twilio's id of
     * what was created, or why not.
     */
    public SendResult request(Function<TwilioRestClient, String> create) {
        try {
            return new SendResult.Accepted(create.apply(client), false);
        } catch (ApiConnectionException e) {
            return classify(e);
        } catch (ApiException e) {
            return classify(e);
        }
    }

    /** No answer at all (refused connection, timeout, broken TLS): the provider is down for Outband. */
    static SendResult classify(ApiConnectionException e) {
        return new SendResult.Retry("Twilio could not be reached: " + e.getMessage(), SendResult.Trouble.PROVIDER_DOWN);
    }

    /**
     * 429 is throttling; 5xx and network errors mean the provider is down; so does 401/403, which means wrong credentials: messages wait for an
     * administrator to fix the configuration rather than being given up. Any other 4xx (21211 invalid
     * number, 21614 not a mobile, 21610 opted out, 21408 region not enabled…) is final for that number.
     */
    static SendResult classify(ApiException e) {
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
            throw new IllegalStateException("Set " + key + " to use Twilio");
        }
        return value;
    }
}
