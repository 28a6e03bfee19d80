package se.outband;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.messaging.FakeProviders.callAsTwilio;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import se.outband.common.ScheduledJobs;
import se.outband.common.TestClock;
import se.outband.continuity.BackupSchedule;
import se.outband.messaging.FakeProviders;

/**
 * Every API operation, found in the OpenAPI document, with edge values in its path and body: the answer
 * is never a 5xx, and a refused request changes nothing. Then each case that once gave a 500.
 */
@QuarkusTest
class HostileInputTest {

    private static final List<String> PATH_VALUES = List.of("a%20b", "-1", "99999999999999999999", "x".repeat(300),
            "%E2%80%A8%C3%A5");

    @Inject
    TestClock clock;

    @Inject
    ScheduledJobs jobs;

    /** A scheduled backup is audited too: paused, it cannot pass for a refused request's change. */
    @BeforeEach
    void pauseBackups() throws InterruptedException {
        jobs.pause(BackupSchedule.IDENTITY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        jobs.resume(BackupSchedule.IDENTITY);
    }

    private static List<String> bodies() {
        String many = "[" + String.join(",", Collections.nCopies(10_001, "\"x\"")) + "]";
        String hostileText = "\"\\u0000\\u000b<script>" + "å".repeat(5000) + "\"";
        return List.of("{}", "null", "[1,2,3]", "\"text\"", "{\"text\": 5, \"groups\": \"HR\", \"contactIds\": {\"a\": 1},"
                + " \"priority\": \"high\", \"drill\": \"yes\", \"roles\": \"admin\", \"services\": [\"x\"]}",
                "{\"id\": \"a b\", \"name\": " + hostileText + ", \"mobile\": \"+4670" + "9".repeat(60) + "\", \"email\": \"x@"
                        + "y".repeat(300) + ".se\", \"groups\": " + many + ", \"language\": \"xx\", \"text\": " + hostileText
                        + ", \"contactIds\": " + many + ", \"channels\": \"sms\\u0000\", \"replyOptions\": " + many
                        + ", \"title\": " + hostileText + ", \"state\": \"DOWN'; drop table contact; --\", \"priority\": -1,"
                        + " \"note\": " + hostileText + ", \"services\": [9999999999], \"username\": \"../admin\","
                        + " \"password\": \"" + "p".repeat(100_000) + "\", \"roles\": [\"admin\", \"root\"]}",
                "[".repeat(5000) + "]".repeat(5000));
    }

    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An admin API token: checking it costs nothing, unlike a bcrypt password on each of the sweep's requests. */
    private static String token() {
        while (token == null) {
            io.restassured.path.json.JsonPath created = asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("name", "hostile-input-sweep", "roles", List.of("admin"))).post("/api/tokens").then().statusCode(201)
                    .extract().jsonPath();
            // The sweep sends DELETE /api/tokens/1: it must not revoke its own token halfway.
            token = created.getLong("id") == 1 ? null : created.getString("token");
        }
        return token;
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + token());
    }

    /**
     * What a refused request must leave as it was: every change Outband stores is audited (a change
     * without its audit entry would be a defect of its own), so the audit log's length tells.
     */
    private static String snapshot() {
        return admin().get("/api/audit?page=0&size=1").then().extract().path("total").toString();
    }

    /**
     * One request of the sweep, sent as it is (path not encoded again) with the JDK's client: REST
     * Assured takes seconds on the client side to send the deeply nested body, which the service
     * refuses in a tenth of that.
     */
    private static int send(String method, String path, String body) {
        return send(HttpRequest.newBuilder(at(path)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A POST with any content type, however wrong: REST Assured refuses to send a character set it does not know. */
    private static int post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(at(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static URI at(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    private static int send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String[]> operations() {
        Map<String, Map<String, Object>> paths = admin().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> List.of("get", "post", "put", "delete").contains(m) && path.startsWith("/api"))
                .forEach(m -> operations.add(new String[] {m, path})));
        return operations;
    }

    @Test
    void noApiOperationAnswers5xxAndARefusalChangesNothing() {
        List<String> broken = new ArrayList<>();
        List<String> bodies = bodies();
        for (String[] operation : operations()) {
            String method = operation[0];
            // Each hostile path value with an empty body, and each hostile body on an ordinary path.
            List<String[]> requests = new ArrayList<>();
            if (operation[1].contains("{")) {
                PATH_VALUES.forEach(v -> requests.add(new String[] {operation[1].replaceAll("\\{[^}]+}", v), "{}"}));
            }
            String ordinary = operation[1].replaceAll("\\{[^}]+}", "1");
            for (String body : method.equals("get") ? List.of("{}") : bodies) {
                requests.add(new String[] {ordinary, body});
            }
            for (String[] request : requests) {
                String path = request[0];
                String body = request[1];
                String before = method.equals("get") ? null : snapshot();
                int status = send(method, path, body);
                String shortBody = body.length() > 40 ? body.substring(0, 40) + "…" : body;
                if (status >= 500) {
                    broken.add(method + " " + path + " " + shortBody + " -> " + status);
                } else if (before != null && status >= 400 && !before.equals(snapshot())) {
                    broken.add(method + " " + path + " " + shortBody + " -> " + status + " but changed data");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theCasesThatOnceGaveA500() {
        // A contact id with a space was stored, then its address could not be built.
        asAdmin().contentType(ContentType.JSON).body(Map.of("id", "a b", "name", "Mellan Slag", "mobile", "070-174 06 05"))
                .post("/api/contacts").then().statusCode(400).body("details[0].field", org.hamcrest.Matchers.equalTo("id"));
        asAdmin().urlEncodingEnabled(false).get("/api/contacts/a%20b").then().statusCode(404);

        // 100,000 people chosen one by one.
        List<String> ids = IntStream.range(0, 100_000).mapToObj(i -> "id" + i).toList();
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "Hej", "contactIds", ids)).post("/api/bulletins")
                .then().statusCode(400).body("error", containsString("Välj grupper"));

        // Signed by Twilio, but with values Twilio never sends.
        callAsTwilio("/webhooks/twilio/status", Map.of("MessageSid", "SM" + "0".repeat(32), "MessageStatus", "failed",
                "ErrorCode", "9".repeat(500), "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        callAsTwilio("/webhooks/twilio/inbound", Map.of("MessageSid", "SM" + "1".repeat(100), "From", "+46701740605",
                "Body", "JA", "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(400);
        callAsTwilio("/webhooks/twilio/inbound", Map.of("MessageSid", "SMabc", "From", "+4670" + "1".repeat(40),
                "Body", "JA", "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(200);

        given().urlEncodingEnabled(false).get("/status/index.html%00").then().statusCode(400);

        // A value of the wrong type is refused with a sentence that names the field, never Outband's own classes.
        Map<String, String> wrongTypes = Map.of("{\"name\": \"Växel\", \"state\": \"down\", \"priority\": \"ett\"}", "fältet priority",
                "[1, 2, 3]", "inte det JSON-objekt");
        wrongTypes.forEach((body, said) -> asAdmin().contentType(ContentType.JSON).body(body).post("/api/status/services").then()
                .statusCode(400).body("error", containsString("Begäran kunde inte läsas")).body("error", containsString(said))
                .body("error", not(containsString("se.outband"))));
        asAdmin().contentType(ContentType.JSON).body("{\"text\": \"Hej\", \"groups\": {\"a\": 1}}").post("/api/bulletins").then()
                .statusCode(400).body("error", containsString("fältet groups")).body("error", not(containsString("java.")));

        // A character set nobody has, on forms anyone may post (webhooks, the sign-in form).
        for (String path : List.of("/webhooks/twilio/status", "/webhooks/46elks/" + "x".repeat(40) + "/inbound", "/login")) {
            for (String type : List.of("application/x-www-form-urlencoded; charset=bogus", "multipart/form-data; boundary=zz; charset=utf-7")) {
                int status = post(path, type, "MessageSid=SM1&To=%2B46701740605");
                assertTrue(status >= 400 && status < 500, path + " with " + type + " answered " + status);
            }
        }

        // A huge password would keep bcrypt busy for minutes per request: refused before hashing.
        io.restassured.config.RestAssuredConfig prompt = io.restassured.config.RestAssuredConfig.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000));
        given().config(prompt).header("X-Forwarded-For", TestApi.newAddress()).auth().preemptive()
                .basic("admin", "p".repeat(15_000)).get("/api/groups").then().statusCode(401);
        String csrf = TestApi.csrfFromLoginPage();
        given().config(prompt).header("X-Forwarded-For", TestApi.newAddress()).cookie("outband-csrf", csrf)
                .formParams(Map.of("csrf", csrf, "username", "admin", "password", "p".repeat(2_000))).post("/login")
                .then().statusCode(401);
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "long-password", "password", "p".repeat(201),
                "roles", List.of("sender"))).post("/api/users").then().statusCode(400).body("error", containsString("högst 200"));
        given().redirects().follow(false).urlEncodingEnabled(false).get("/language?to=en&back=/app/%20").then().statusCode(303);
    }

    @Test
    void controlCharactersInAnUpdateAreRemovedSoTheFeedStaysValidXml() throws Exception {
        long incident = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("title", "Telefoni\u000b nere", "text", "Växeln\u0000 ligger nere.\u000bRing mobil."))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "Uppdatering\u0007 med\u001b tecken\r\nsom rad"))
                .post("/api/status/incidents/" + incident + "/updates").then().statusCode(201)
                .body("text", org.hamcrest.Matchers.equalTo("Uppdatering med tecken\nsom rad"));
        String feed = given().get("/status/feed.atom").then().statusCode(200).extract().asString();
        assertFalse(feed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'), "no control characters in the feed");
        assertTrue(new SyndFeedInput().build(new StringReader(feed)).getEntries().stream()
                .anyMatch(e -> e.getTitle().startsWith("Telefoni nere")), "the feed parses as Atom");
        asAdmin().get("/api/status/incidents").then().body(not(containsString("\\u0000")));
    }
}
