package se.outband.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Two people (or two instances) making the same change at the same moment: one wins, the other is told
 * so in a sentence (409), never a server error. Each check read of "does it exist?" passes for both; the
 * database's constraint decides, and its refusal is answered like the check's.
 */
@QuarkusTest
@Tag("persistence")
class ConcurrentChangesTest {

    private static final int AT_ONCE = 6;
    private static String token;

    /** An admin API token: passwords sent six at once from one address would meet the sign-in throttle. */
    @BeforeEach
    void adminToken() {
        if (token == null) {
            token = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "samtidiga-" + UUID.randomUUID(), "roles", List.of("admin")))
                    .post("/api/tokens").then().statusCode(201).extract().path("token");
        }
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + token);
    }

    private static List<Response> atOnce(Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Callable<Response>> same = Collections.nCopies(AT_ONCE, request::get);
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(same)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCreatedTheRestTold(List<Response> answers) {
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(1, Collections.frequency(statuses, 201), () -> "answers " + statuses);
        assertEquals(AT_ONCE - 1, Collections.frequency(statuses, 409), () -> "answers " + statuses);
        answers.stream().filter(a -> a.statusCode() == 409)
                .forEach(a -> assertTrue(a.jsonPath().getString("error").length() > 10, () -> "a sentence: " + a.asString()));
    }

    /** The refused inserts carry a password hash: the database's refusal is logged without the values. */
    @Test
    void theSameUserCreatedAtOnceIsCreatedOnceAndTheLogKeepsItsHash() throws Exception {
        String name = "samtidig-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + (record.getThrown() == null ? "" : stackOf(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            assertOneCreatedTheRestTold(atOnce(() -> admin().contentType(ContentType.JSON)
                    .body(Map.of("username", name, "password", "a-long-enough-password", "roles", List.of("sender"))).post("/api/users")));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("outband_user") || line.contains("OUTBAND_USER")),
                "the refusals were logged: " + logged.size() + " lines");
        assertTrue(logged.stream().noneMatch(line -> line.contains("$2a$")), () -> "a password hash in the log: " + logged);
    }

    private static String stackOf(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void theSameContactCreatedAtOnceIsCreatedOnce() throws Exception {
        String id = "samtidig-" + UUID.randomUUID().toString().substring(0, 8);
        assertOneCreatedTheRestTold(atOnce(() -> admin().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Samma Person", "mobile", "070-174 06 05")).post("/api/contacts")));
    }

    @Test
    void aSystemRemovedWhileAnIncidentNamesItIsNeverAServerError() throws Exception {
        for (int round = 0; round < 3; round++) {
            long system = admin().contentType(ContentType.JSON).body(Map.of("name", "Växel " + UUID.randomUUID(), "state", "down",
                    "priority", 1)).post("/api/status/services").then().statusCode(201).extract().<Number>path("id").longValue();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Response> removed = pool.submit(() -> admin().delete("/api/status/services/" + system));
                Future<Response> named = pool.submit(() -> admin().contentType(ContentType.JSON)
                        .body(Map.of("title", "Växeln nere", "text", "Ring mobil.", "services", List.of(system)))
                        .post("/api/status/incidents"));
                for (Response answer : List.of(removed.get(), named.get())) {
                    assertTrue(answer.statusCode() < 500, () -> "answered " + answer.statusCode() + ": " + answer.asString());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
