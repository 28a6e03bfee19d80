package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.PASSWORD;
import static se.outband.TestApi.newAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import se.outband.AtOnce;
import se.outband.TestApi;
import se.outband.common.TestClock;

/** Guessing is slowed down per address, never by locking the account for everyone. */
@QuarkusTest
@TestProfile(ProductionAccess.class)
class SignInThrottleTest {

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL base;

    @Inject
    UserService users;

    @Inject
    TokenService tokens;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response basic(String address, String user, String password) {
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(user, password).get("/api/groups");
    }

    /** Made through the service: in this profile the bootstrap admin has no second factor, so no API with a password. */
    private String newUser(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, PASSWORD, List.of(Roles.SENDER), null);
        return name;
    }

    @Test
    void theGuessingAddressIsHeldBackWhileTheUserSignsInFromAnywhereElse() {
        clock.freeze();
        String user = newUser("guessed");
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, basic(attacker, user, "wrong-" + i).statusCode());
        }
        basic(attacker, user, PASSWORD).then().statusCode(429)
                .header("Retry-After", "180")
                .body("error", containsString("Vänta 3 minuter"));
        given().header("X-Forwarded-For", attacker).header("Accept-Language", "en").auth().preemptive().basic(user, PASSWORD)
                .get("/api/groups").then().statusCode(429).body("error", containsString("another device or network"));

        // The leader on their phone, from another network, is not affected by the guessing.
        assertEquals(200, basic(newAddress(), user, PASSWORD).statusCode());
        TestApi.signInToUi(user, PASSWORD);

        // The wait passes by itself.
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertEquals(200, basic(attacker, user, PASSWORD).statusCode());
        given().header("Authorization", "Bearer " + tokens.create("audit-" + user, java.util.Set.of(Roles.ADMIN), "test").token())
                .get("/api/audit?size=20").then()
                .body("entries.findAll { it.action == 'login.failed' }.actor", org.hamcrest.Matchers.hasItem(user));
    }

    @Test
    void waitsGrowAndTheRightPasswordDoesNotSlipThrough() {
        clock.freeze();
        String user = newUser("patient");
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            basic(address, user, "wrong");
        }
        // After the wait, one more try; after 20 in a day the waits grow beyond the first three minutes.
        int attempts = 5;
        while (attempts < 20) {
            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            assertEquals(401, basic(address, user, "wrong").statusCode());
            attempts++;
        }
        clock.advance(Duration.ofMinutes(15));
        Response held = basic(address, user, PASSWORD);
        assertEquals(429, held.statusCode());
        assertTrue(Long.parseLong(held.header("Retry-After")) > 3 * 60, () -> "Retry-After " + held.header("Retry-After"));
    }

    @Test
    void parallelGuessesAllCount() throws Exception {
        String user = newUser("parallel");
        String address = newAddress();
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "guess-" + i;
            guesses.add(() -> basic(address, user, guess).statusCode());
        }
        List<Integer> statuses = AtOnce.run(guesses);
        assertEquals(5, Collections.frequency(statuses, 401), () -> "answers " + statuses);
        assertEquals(7, Collections.frequency(statuses, 429), () -> "answers " + statuses);
        assertEquals(429, basic(address, user, PASSWORD).statusCode(), "the next right password is held back too");
    }

    @Test
    void anUnknownUserGetsTheSameAnswersInSimilarTime() {
        String known = newUser("known");
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String knownAddress = newAddress();
        String unknownAddress = newAddress();
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response a = basic(knownAddress, known, "wrong");
            Response b = basic(unknownAddress, unknown, "wrong");
            assertEquals(a.statusCode(), b.statusCode());
            assertEquals(a.body().asString(), b.body().asString());
            knownMillis.add(a.time());
            unknownMillis.add(b.time());
        }
        Response a = basic(knownAddress, known, "wrong");
        Response b = basic(unknownAddress, unknown, "wrong");
        assertEquals(429, a.statusCode());
        assertEquals(429, b.statusCode());
        assertEquals(a.body().asString(), b.body().asString());
        // Both check a bcrypt hash: an unknown name is not answered noticeably faster.
        assertTrue(median(unknownMillis) * 3 >= median(knownMillis), () -> "known " + knownMillis + " unknown " + unknownMillis);
    }

    /** X-Forwarded-For is believed only from the configured proxies (127.0.0.1 here), not from anyone. */
    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() throws IOException {
        String user = newUser("spoofed");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, rawFromUntrustedPeer(user, "wrong", newAddress()));
        }
        assertEquals(429, rawFromUntrustedPeer(user, PASSWORD, newAddress()),
                "a new forged address every time does not escape the throttle");
        assertEquals(200, basic(newAddress(), user, PASSWORD).statusCode());
    }

    /** An HTTP request sent from 127.0.0.2, which is not a trusted proxy, claiming another client address. */
    private int rawFromUntrustedPeer(String user, String password, String forgedAddress) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/groups HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nX-Forwarded-For: " + forgedAddress + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
