package se.outband.checks;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * Numbers that do not work: an SMS Twilio refuses (no such number) and one it reports undelivered later mark the
 * contact on the contacts page and in the API, with the reason and the date; the next check reaches them by email.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
@SuppressWarnings("unchecked")
class FailingNumberTest {

    private String unique;
    private String group;
    private String invalid;
    private String unreachable;
    private String working;

    @BeforeEach
    void staff() {
        FakeProviders.reset();
        unique = UUID.randomUUID().toString().substring(0, 8);
        group = "Nummer" + unique;
        invalid = mobile();
        unreachable = mobile();
        working = mobile();
        FakeProviders.twilio().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=" + URLEncoder.encode(invalid, StandardCharsets.UTF_8)))
                .willReturn(FakeProviders.twilioError(400, 21211, "The 'To' number " + invalid + " is not a valid phone number.")));
        String csv = "id,name,mobile,email,groups\n"
                + "a" + unique + ",Anna Fel," + invalid + ",anna" + unique + "@example.net," + group + "\n"
                + "b" + unique + ",Bertil Borta," + unreachable + ",bertil" + unique + "@example.net," + group + "\n"
                + "c" + unique + ",Cecilia Nådd," + working + ",cecilia" + unique + "@example.net," + group + "\n";
        asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/contacts/import?mode=merge")
                .then().statusCode(200);
    }

    @AfterEach
    void nothingLeftToSend() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }

    @Test
    void aRefusedAndAnUndeliveredSmsMarkTheContactAndTheNextCheckUsesEmail() throws Exception {
        startCheck();
        String sid = providerIdOf(unreachable);
        report(sid, "undelivered", "30003");
        report(providerIdOf(working), "delivered", null);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> failing().stream().map(c -> c.get("id")).sorted().toList(), ids -> ids.equals(List.of("a" + unique, "b" + unique)));
        Map<String, Object> anna = failing().get(0);
        Map<String, Object> mark = (Map<String, Object>) anna.get("failingNumber");
        assertEquals("21211", mark.get("code"));
        assertEquals("Numret finns inte", mark.get("reason"));
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        assertTrue(((String) mark.get("since")).startsWith(today.substring(0, 7)), mark.toString());
        Map<String, Object> bertil = as(Roles.CONTACTS).header("Accept-Language", "en").get("/api/contacts/b" + unique).then()
                .statusCode(200).extract().jsonPath().getMap("failingNumber");
        assertEquals("The phone could not be reached", bertil.get("reason"));
        assertNull(asAdmin().get("/api/contacts/c" + unique).then().statusCode(200).extract().jsonPath().get("failingNumber"));
        assertEquals(3, as(Roles.CONTACTS).get("/api/contacts?group=" + group).then().statusCode(200).extract().jsonPath()
                .getList("$").size(), "without the filter everyone");
        as(Roles.CONTACTS).get("/api/contacts?failing=maybe").then().statusCode(400);

        // The contacts page: marked with the reason and the date, and filtered.
        Map<String, String> session = TestApi.signInToUi("nummer-" + unique, List.of(Roles.CONTACTS));
        String page = given().cookies(session).get("/app/contacts?group=" + group + "&failing=true").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Numret fungerar inte: Numret finns inte (" + today), page);
        assertTrue(page.contains("Numret fungerar inte: Telefonen gick inte att nå (" + today), page);
        assertFalse(page.contains("Cecilia Nådd"), "only the failing ones");
        assertTrue(given().cookies(session).get("/app/contacts?group=" + group).then().statusCode(200).extract().asString()
                .contains("Cecilia Nådd"));

        // A drill of the next check says so, and stores and sends nothing.
        FakeProviders.reset();
        int checksBefore = as(Roles.CONTACTS).get("/api/contact-checks").then().statusCode(200).extract().jsonPath().getList("$").size();
        long deliveriesBefore = QuarkusTransaction.requiringNew().call(() -> Delivery.count());
        Map<String, Object> drill = as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("groups", List.of(group),
                "deadline", LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(30).toString()))
                .post("/api/contact-checks?dryRun=true").then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(List.of(3, 1, 2, 2, List.of()), List.of(drill.get("people"), drill.get("bySms"), drill.get("byEmail"),
                drill.get("byEmailForFailingNumber"), drill.get("unreachable")), drill.toString());
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("groups", List.of("Ingen " + unique), "deadline",
                LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(30).toString())).post("/api/contact-checks?dryRun=true").then()
                .statusCode(400);
        String drillPage = given().cookies(session).contentType(ContentType.URLENC).formParam("csrf", session.get("outband-csrf"))
                .formParam("groups", group).formParam("deadline", LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(30).toString())
                .formParam("dryRun", "true").post("/app/contacts/checks").then().statusCode(200).extract().asString();
        assertTrue(drillPage.contains("Provkörning, ingenting skickades eller sparades. 3 personer skulle få en länk: 1 med SMS och 2 med"
                + " e-post (2 av dem för att mobilnumret inte fungerar)."), drillPage);
        assertEquals(checksBefore, as(Roles.CONTACTS).get("/api/contact-checks").then().extract().jsonPath().getList("$").size());
        assertEquals(deliveriesBefore, QuarkusTransaction.requiringNew().call(() -> Delivery.count()));
        assertEquals(List.of(), smsRequests());

        // The next check sends Anna's and Bertil's links by email; Cecilia's number works and gets the SMS.
        startCheck();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> mailTo("anna" + unique + "@example.net")
                && mailTo("bertil" + unique + "@example.net") && smsRequests().stream().anyMatch(r -> working.equals(r.get("To"))));
        assertTrue(smsRequests().stream().noneMatch(r -> invalid.equals(r.get("To")) || unreachable.equals(r.get("To"))),
                smsRequests().toString());
        assertFalse(mailTo("cecilia" + unique + "@example.net"));

        // A later SMS that arrives clears the mark: the number works again.
        report(providerIdOf(working), "delivered", null);
        String again = QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.queued(null, null, se.outband.messaging.outbox.Channel.SMS, unreachable, null, java.time.Instant.now());
            delivery.state = DeliveryState.SENT;
            delivery.provider = "twilio";
            delivery.providerId = "SM" + UUID.randomUUID().toString().replace("-", "");
            delivery.persist();
            return delivery.providerId;
        });
        report(again, "delivered", null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> failing().stream().map(c -> c.get("id")).toList(), ids -> ids.equals(List.of("a" + unique)));
    }

    private List<Map<String, Object>> failing() {
        return as(Roles.CONTACTS).get("/api/contacts?group=" + group + "&failing=true").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private void startCheck() {
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("groups", List.of(group),
                "deadline", LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(30).toString()))
                .post("/api/contact-checks").then().statusCode(201);
    }

    /** The provider id Twilio gave the latest SMS to {@code number}, once Outband has stored it. */
    private static String providerIdOf(String number) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find("address = ?1 and providerId is not null order by id desc", number).firstResultOptional()
                        .map(d -> d.providerId).orElse(null)), id -> id != null);
    }

    private static void report(String sid, String status, String errorCode) {
        Map<String, String> params = errorCode == null
                ? Map.of("MessageSid", sid, "MessageStatus", status, "AccountSid", FakeProviders.ACCOUNT_SID)
                : Map.of("MessageSid", sid, "MessageStatus", status, "ErrorCode", errorCode, "AccountSid", FakeProviders.ACCOUNT_SID);
        FakeProviders.callAsTwilio("/webhooks/twilio/status", params).statusCode(204);
    }

    private static boolean mailTo(String email) {
        return Arrays.stream(FakeProviders.smtp().getReceivedMessages()).anyMatch(m -> to(m).equals(email));
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mobile() {
        return "+46704" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
