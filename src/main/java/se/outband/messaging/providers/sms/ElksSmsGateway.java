package se.outband.messaging.providers.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.outband.common.Text;
import se.outband.messaging.providers.SendResult;

/**
 * Sends through 46elks' REST API ({@code POST /sms}, HTTP Basic, form fields) with the JDK's HTTP
 * client: there is no SDK. 46elks keeps no copy of the text ({@code dontlog=message}) and reports
 * delivery to a webhook whose address carries Outband's secret.
 */
final class ElksSmsGateway implements SmsGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /**
     * 46elks answers a refused recipient with a sentence about the "to" field, e.g. "Invalid to number";
     * everything else it refuses (credentials, credit, the sender) is about the account.
     */
    private static final Pattern NUMBER_REFUSED = Pattern.compile(
            "(?is).*(invalid\\s+['\"]?to\\b|\\bto['\"]?\\s+number|not a (valid )?(mobile|phone)|opted out|unsubscribed).*");

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final URI sms;
    private final URI me;
    private final String authorization;
    private final String from;
    private final String statusCallback;

    ElksSmsGateway(SmsConfig.Elks config, String statusCallback) {
        String apiUrl = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1) : config.apiUrl();
        this.sms = URI.create(apiUrl + "/sms");
        this.me = URI.create(apiUrl + "/me");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.username().orElseThrow() + ":" + config.password().orElseThrow()).getBytes(StandardCharsets.UTF_8));
        this.from = config.from().orElseThrow();
        this.statusCallback = statusCallback;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return SmsProvider.ELKS.configValue();
    }

    @Override
    public SendResult send(String to, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from);
        form.put("to", to);
        form.put("message", body);
        form.put("whendelivered", statusCallback);
        form.put("dontlog", "message");
        HttpRequest request = HttpRequest.newBuilder(sms).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendResult.Retry("46elks could not be reached: " + e.getMessage(), SendResult.Trouble.PROVIDER_DOWN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry("Outband was stopping");
        }
        return classify(response.statusCode(), response.body());
    }

    /**
     * 200 with the message's id is taken. 429 is throttling; 5xx, 401 (wrong credentials) and any other
     * refusal of the account (no credit, sender not allowed) mean 46elks cannot send for Outband now.
     * A 4xx that names the number is final for that number, and falls back to email.
     */
    SendResult classify(int status, String body) {
        String said = Text.clip(body == null ? "" : body.strip(), 300);
        if (status == 200) {
            try {
                JsonNode message = json.readTree(body);
                String id = message.path("id").asText("");
                if (!id.isEmpty() && !"failed".equals(message.path("status").asText())) {
                    return new SendResult.Accepted(id, false);
                }
            } catch (IOException e) {
                // not what 46elks answers: treated as the provider's trouble below
            }
            return new SendResult.Retry("46elks answered 200 without a message id: " + said, SendResult.Trouble.PROVIDER_DOWN);
        }
        String error = "46elks " + status + ": " + said;
        if (status == 429) {
            return new SendResult.Retry(error, SendResult.Trouble.THROTTLED);
        }
        if (status >= 400 && status < 500 && status != 401 && NUMBER_REFUSED.matcher(said).matches()) {
            return new SendResult.Failed("46elks-" + status, error);
        }
        return new SendResult.Retry(error, SendResult.Trouble.PROVIDER_DOWN);
    }

    /** Reads the account ({@code GET /me}): authenticated, sends nothing. */
    @Override
    public boolean reachable() {
        HttpRequest request = HttpRequest.newBuilder(me).timeout(TIMEOUT).header("Authorization", authorization).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
