package se.outband.messaging.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import se.outband.FirstStart;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.MessagingTestSupport;

/** The embedded defaults: nothing leaves the machine, everything says so, and the demo still shows progress. */
@QuarkusTest
@TestProfile(FirstStart.class)
class DryRunGatewaysTest {

    private static final Pattern CONFIRM = Pattern.compile("/subscribe/confirm/([A-Za-z0-9_-]{43})");

    @Test
    void dryRunMarksEverythingDeliveredAndSaysItWasADryRun() {
        replaceContacts(CONTACTS);
        long id = sendOk(Map.of("text", "Provkörning", "groups", List.of("HR", "Krisledning")));
        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("DELIVERED"));
        assertEquals(4, deliveries.size());
        assertTrue(deliveries.stream().allMatch(d -> String.valueOf(d.get("providerId")).startsWith("dry-run-")), deliveries::toString);
        as(Roles.SENDER).get("/api/bulletins/" + id).then()
                .body("percentReached", equalTo(100))
                .body("providers.sms", equalTo("dry-run"))
                .body("providers.email", equalTo("dry-run"))
                .body("dryRunNotice", equalTo("Provkörning: SMS och e-post skickas inte på riktigt, utan markeras som levererat."));
    }

    @Test
    void aDrillsReplyLoopIsPractisedWithSimulatedAnswers() {
        replaceContacts(CONTACTS);
        long id = sendOk(Map.of("text", "Övning: kan du komma?", "groups", List.of("HR"), "drill", true,
                "replyOptions", List.of("JA", "NEJ")));
        Map<String, String> cookies = TestApi.signInToUi("ovningsledare", List.of(Roles.SENDER));
        String page = given().cookies(cookies).get("/app/bulletins/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"simulate-reply\""), "the practice form is offered in dry-run mode");
        String contactId = (String) MessagingTestSupport.deliveries(id).get(0).get("contactId");

        given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParams(Map.of("csrf", cookies.get("outband-csrf"), "contactId", contactId, "answer", "JA"))
                .post("/app/bulletins/" + id + "/simulated-reply").then().statusCode(303);

        as(Roles.SENDER).get("/api/bulletins/" + id + "/replies").then().statusCode(200)
                .body("tally.answers.JA", equalTo(1))
                .body("replies[0].simulated", equalTo(true))
                .body("replies[0].contactId", equalTo(contactId));
        assertTrue(given().cookies(cookies).get("/app/bulletins/" + id).asString().contains("simulerat"), "marked on the page");
        TestApi.asAdmin().get("/api/audit?size=5").then().body("entries.action", hasItem("reply.simulated"));
    }

    /**
     * Whoever tries Outband on its defaults can finish an email subscription: the dry-run mail provider logs the
     * confirmation link, on one line with the rest of the mail.
     */
    @Test
    void theDryRunLogCarriesTheLinkThatConfirmsAnEmailSubscription() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("se.outband.messaging.providers.email.DryRunMailGateway");
        log.addHandler(handler);
        try {
            String email = "provare-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
            given().header("X-Forwarded-For", TestApi.newAddress()).contentType(ContentType.URLENC)
                    .formParams(Map.of("email", email, "language", "sv")).post("/subscribe").then().statusCode(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> logged.stream().anyMatch(line -> line.contains("to " + email)));
            String line = logged.stream().filter(l -> l.contains("to " + email)).findFirst().orElseThrow();
            Matcher link = CONFIRM.matcher(line);
            assertTrue(link.find(), line);
            assertFalse(line.contains("\n"), "one line: " + line);
            given().post("/subscribe/confirm/" + link.group(1)).then().statusCode(200).body(containsString("Nu prenumererar du"));
        } finally {
            log.removeHandler(handler);
        }
    }
}
