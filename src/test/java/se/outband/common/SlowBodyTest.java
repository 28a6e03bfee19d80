package se.outband.common;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;

/**
 * Anonymous connections that announce a huge body, or send a body a byte at a time, are refused or closed
 * by their deadline, and meanwhile sending and readiness answer as usual (an attack run once held every
 * worker thread this way and readiness, the API and the web UI stopped answering).
 */
@QuarkusTest
class SlowBodyTest {

    private static final int CONNECTIONS = 300;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private Socket open(String path, long length) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + length + "\r\n\r\na").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\r';) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** The server closed it: reading ends (or the connection was reset) instead of waiting. */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // the answer to a refused request, if any, before the end
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void hugeBodiesAreRefusedBeforeAnythingIsRead() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets.add(open(i % 2 == 0 ? "/login" : "/webhooks/twilio/status", 30_000_000));
            }
            for (Socket socket : sockets) {
                assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine(socket));
                assertTrue(closedByServer(socket));
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aWrong46elksSecretIsRefusedBeforeTheBodyArrives() throws Exception {
        try (Socket socket = open("/webhooks/46elks/not-the-secret/inbound", 1000)) {
            assertEquals("HTTP/1.1 403 Forbidden", statusLine(socket));
        }
    }

    @Test
    void bodiesThatTrickleInAreClosedAtTheirDeadlineAndNothingElseWaits() throws Exception {
        TestApi.replaceContacts("id,name,mobile,groups\ns1,Sara Snigel,070-174 06 05,Krisledning\n");
        // What is compared is an answer under attack with one without: the first readiness check of a start is slower.
        given().get("/q/health/ready").then().statusCode(200);
        List<Socket> sockets = new ArrayList<>();
        try {
            // Larger than Quarkus's default input buffer (10 KB), which was read with a worker thread held per connection.
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets.add(open(i % 2 == 0 ? "/login" : "/webhooks/twilio/status", 60_000));
            }
            long started = System.nanoTime();
            given().get("/q/health/ready").then().statusCode(200);
            Duration ready = Duration.ofNanos(System.nanoTime() - started);
            TestApi.as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", "Mitt i anfallet", "groups", List.of("Krisledning")))
                    .post("/api/bulletins?dryRun=true").then().statusCode(200);
            Duration answered = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(answered.compareTo(Duration.ofSeconds(2)) < 0, "readiness answered in " + ready + ", a bulletin by " + answered);
            // Closed at outband.http.body-deadline (3 s in the tests, 10 s by default), whatever the machine is doing meanwhile.
            await().atMost(Duration.ofSeconds(25)).until(() -> sockets.stream().allMatch(SlowBodyTest::closedByServer));
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
