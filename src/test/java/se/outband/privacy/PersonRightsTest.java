package se.outband.privacy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.auditTotal;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Channel;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * A person's export and erasure, and the deletion of old delivery rows: through the API and the contact page, with a
 * bulletin answered over WireMock-as-Twilio and a contact check's link, so there is something of everything to find.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
@SuppressWarnings("unchecked")
class PersonRightsTest {

    private static final Pattern LINK = Pattern.compile("https://outband\\.test/self/([A-Za-z0-9_-]{43})");

    @Inject
    DeliveryRetention retention;

    @Inject
    EntityManager em;

    private String unique;
    private String group;
    private String anna;
    private String bertil;

    @BeforeEach
    void staff() {
        FakeProviders.reset();
        unique = UUID.randomUUID().toString().substring(0, 8);
        group = "Rätt" + unique;
        anna = mobile();
        bertil = mobile();
        String csv = "id,name,mobile,email,groups\n"
                + "a" + unique + ",Anna Raderas," + anna + ",anna" + unique + "@example.net," + group + "\n"
                + "b" + unique + ",Bertil Blir," + bertil + ",," + group + "\n";
        asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/contacts/import?mode=merge")
                .then().statusCode(200);
    }

    @AfterEach
    void nothingLeftToSend() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }

    @Test
    void anAdministratorExportsAndErasesAPersonAndOldBulletinsStillCountRight() {
        long bulletin = answeredBulletin();
        String token = linkOf(anna);
        Map<String, Object> progressBefore = progress(bulletin);
        Map<String, Object> reportBefore = report(bulletin);
        assertEquals(2, ((Number) reportBefore.get("reached")).intValue(), reportBefore.toString());

        // The export: everything about Anna, nothing about Bertil; administrators only; audited.
        long auditBefore = auditTotal();
        as(Roles.CONTACTS).get("/api/contacts/a" + unique + "/export").then().statusCode(403);
        Response export = asAdmin().get("/api/contacts/a" + unique + "/export");
        assertEquals(200, export.statusCode(), export.asString());
        assertTrue(export.header("Content-Disposition").contains("attachment"));
        Map<String, Object> person = export.jsonPath().getMap("$");
        assertEquals("Anna Raderas", ((Map<String, Object>) person.get("contact")).get("name"));
        List<Map<String, Object>> bulletins = (List<Map<String, Object>>) person.get("bulletins");
        assertEquals(1, bulletins.size(), bulletins.toString());
        assertEquals(anna, ((List<Map<String, Object>>) bulletins.get(0).get("deliveries")).get(0).get("address"));
        assertEquals("JA", ((List<Map<String, Object>>) bulletins.get(0).get("replies")).get(0).get("answer"));
        assertTrue(((String) bulletins.get(0).get("text")).contains("Kan du komma " + unique));
        assertEquals(1, ((List<Object>) person.get("checks")).size());
        assertTrue(((List<Map<String, Object>>) person.get("messages")).stream().anyMatch(m -> anna.equals(m.get("address"))),
                "the link's SMS");
        assertFalse(export.asString().contains("Bertil"), "only the one person");
        assertTrue(TestApi.auditBy("admin", auditBefore).stream().anyMatch(e -> e.startsWith("contact.exported") && e.contains("a" + unique)));

        // The erasure: administrators only; the person is gone, the old bulletin counts as before.
        as(Roles.CONTACTS).delete("/api/contacts/a" + unique + "/data").then().statusCode(403);
        Map<String, Object> erased = asAdmin().delete("/api/contacts/a" + unique + "/data").then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertEquals(Map.of("bulletins", 1, "deliveries", 1, "replies", 1, "messages", 1, "checks", 1), erased);
        asAdmin().get("/api/contacts/a" + unique).then().statusCode(404);
        asAdmin().get("/api/contacts/a" + unique + "/export").then().statusCode(404);
        asAdmin().delete("/api/contacts/a" + unique + "/data").then().statusCode(404);
        Map<String, Object> progressAfter = progress(bulletin);
        for (String figure : List.of("recipients", "deliveries", "reached", "failed", "pending", "percentReached")) {
            assertEquals(progressBefore.get(figure), progressAfter.get(figure), figure);
        }
        Map<String, Object> reportAfter = report(bulletin);
        assertEquals(reportBefore.get("reached"), reportAfter.get("reached"));
        assertEquals(((Map<String, Object>) reportBefore.get("replies")).get("tally"),
                ((Map<String, Object>) reportAfter.get("replies")).get("tally"));
        String rows = as(Roles.SENDER).get("/api/bulletins/" + bulletin + "/deliveries").asString()
                + as(Roles.SENDER).get("/api/bulletins/" + bulletin + "/replies").asString();
        assertFalse(rows.contains(anna) || rows.contains("Anna") || rows.contains("a" + unique), rows);
        assertTrue(rows.contains("Bertil Blir"), rows);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Delivery.count("address = ?1", anna)), "no row has her number");

        // The audit log says an erasure happened, not whom; her link says it no longer works, and nothing else.
        List<String> entries = TestApi.auditBy("admin", auditBefore);
        String entry = entries.stream().filter(e -> e.startsWith("contact.erased")).findFirst().orElseThrow();
        assertFalse(entry.contains("a" + unique) || entry.contains("Anna") || entry.contains(anna), entry);
        Response link = given().header("X-Forwarded-For", TestApi.newAddress()).get("/self/" + token);
        assertEquals(404, link.statusCode());
        assertTrue(link.asString().contains("Länken gäller inte") && !link.asString().contains("Anna"), link.asString());
    }

    @Test
    void theContactPageHasTheButtonsForAdministratorsOnly() {
        Map<String, String> admin = TestApi.signInToUi("rattigheter-" + unique, List.of(Roles.ADMIN));
        Map<String, String> hr = TestApi.signInToUi("hr-" + unique, List.of(Roles.CONTACTS));
        String page = given().cookies(admin).get("/app/contacts/b" + unique).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Personens rättigheter (GDPR)") && page.contains("/app/contacts/b" + unique + "/export"), page);
        assertFalse(given().cookies(hr).get("/app/contacts/b" + unique).then().statusCode(200).extract().asString().contains("GDPR"));
        given().cookies(hr).get("/app/contacts/b" + unique + "/export").then().statusCode(403);

        Map<String, Object> file = given().cookies(admin).get("/app/contacts/b" + unique + "/export").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getMap("contact");
        assertEquals("Bertil Blir", file.get("name"));

        Response unconfirmed = given().cookies(admin).contentType(ContentType.URLENC).formParam("csrf", admin.get("outband-csrf"))
                .post("/app/contacts/b" + unique + "/erase");
        assertEquals(400, unconfirmed.statusCode());
        assertTrue(unconfirmed.asString().contains("Kryssa i rutan"), unconfirmed.asString());
        asAdmin().get("/api/contacts/b" + unique).then().statusCode(200);
        Response done = given().redirects().follow(false).cookies(admin).contentType(ContentType.URLENC)
                .formParam("csrf", admin.get("outband-csrf")).formParam("confirm", "true").post("/app/contacts/b" + unique + "/erase");
        assertEquals(303, done.statusCode());
        assertTrue(given().cookies(admin).get(done.header("Location")).asString().contains("Personen är raderad"));
        asAdmin().get("/api/contacts/b" + unique).then().statusCode(404);
    }

    @Test
    void deliveryAndReplyRowsPastTheirRetentionAreDeleted() {
        long old = answeredBulletin();
        long recent = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", "Nytt " + unique, "groups", List.of(group)))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> rowsOf(recent)[1] == 2);
        // Fourteen months ago: the bulletin, and a link sent on its own to Anna then.
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(425);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update bulletin set created_at = ?1 where id = ?2").setParameter(1, longAgo).setParameter(2, old)
                    .executeUpdate();
            em.createNativeQuery("update delivery set created_at = ?1 where bulletin_id is null and address = ?2")
                    .setParameter(1, longAgo).setParameter(2, anna).executeUpdate();
        });
        Delivery own = QuarkusTransaction.requiringNew().call(() -> {
            Delivery link = Delivery.queued(null, null, Channel.SMS, anna, null, Instant.now().minus(425, ChronoUnit.DAYS));
            link.state = DeliveryState.DELIVERED;
            link.persist();
            return link;
        });
        long auditBefore = auditTotal();

        DeliveryRetention.Deleted deleted = retention.deleteExpired();

        assertTrue(deleted.bulletins() >= 1 && deleted.deliveries() >= 2 && deleted.replies() >= 1 && deleted.messages() >= 1,
                deleted.toString());
        assertEquals(List.of(0L, 0L, 0L), List.of(rowsOf(old)), "recipients, deliveries and replies of the old bulletin");
        assertEquals(List.of(2L, 2L, 0L), List.of(rowsOf(recent)), "the recent one is untouched");
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Delivery.findById(own.id)));
        assertEquals(200, as(Roles.SENDER).get("/api/bulletins/" + old).statusCode(), "the bulletin itself stays");
        assertTrue(TestApi.auditBy("system", auditBefore).stream().anyMatch(e -> e.startsWith("retention.deleted")));
        assertEquals(0, retention.deleteExpired().deliveries(), "nothing left to delete");
    }

    /** A bulletin with replies asked to both, delivered to both, and answered JA by Anna. */
    private long answeredBulletin() {
        long id = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", "Kan du komma " + unique + "?", "groups", List.of(group), "replyOptions", List.of("JA", "NEJ")))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        for (String number : List.of(anna, bertil)) {
            String sid = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction
                    .requiringNew().call(() -> Delivery.<Delivery>find("bulletinId = ?1 and address = ?2 and providerId is not null", id, number)
                            .firstResultOptional().map(d -> d.providerId).orElse(null)), s -> s != null);
            FakeProviders.callAsTwilio("/webhooks/twilio/status", Map.of("MessageSid", sid, "MessageStatus", "delivered",
                    "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        }
        FakeProviders.callAsTwilio("/webhooks/twilio/inbound", Map.of("From", anna, "To", FakeProviders.SENDER_NUMBER, "Body", "Ja",
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "AccountSid", FakeProviders.ACCOUNT_SID))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> ((Number) report(id).get("reached")).intValue() == 2
                        && ((Map<String, Object>) report(id).get("replies")).get("answered").equals(1));
        return id;
    }

    /** Starts a contact check for the group and returns the link Anna got. */
    private String linkOf(String number) {
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("groups", List.of(group),
                "deadline", LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(30).toString()))
                .post("/api/contact-checks").then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> smsRequests().stream().anyMatch(r -> number.equals(r.get("To")) && LINK.matcher(r.get("Body")).find()));
        Matcher link = LINK.matcher(smsRequests().stream().filter(r -> number.equals(r.get("To")) && LINK.matcher(r.get("Body")).find())
                .reduce((a, b) -> b).orElseThrow().get("Body"));
        assertTrue(link.find());
        // The link's SMS is stored as sent before the erasure looks for it.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("bulletinId is null and address = ?1 and state in ?2", number,
                        List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
        return link.group(1);
    }

    private Long[] rowsOf(long bulletin) {
        return QuarkusTransaction.requiringNew().call(() -> new Long[] {
            ((Number) em.createNativeQuery("select count(*) from recipient where bulletin_id = ?1").setParameter(1, bulletin).getSingleResult()).longValue(),
            ((Number) em.createNativeQuery("select count(*) from delivery where bulletin_id = ?1").setParameter(1, bulletin).getSingleResult()).longValue(),
            ((Number) em.createNativeQuery("select count(*) from reply where bulletin_id = ?1").setParameter(1, bulletin).getSingleResult()).longValue() });
    }

    private static Map<String, Object> progress(long bulletin) {
        return as(Roles.SENDER).get("/api/bulletins/" + bulletin).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static Map<String, Object> report(long bulletin) {
        return as(Roles.SENDER).get("/api/bulletins/" + bulletin + "/report").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static String mobile() {
        return "+46705" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
