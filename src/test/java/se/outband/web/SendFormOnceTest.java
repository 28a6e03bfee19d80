package se.outband.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.AtOnce;
import se.outband.HeldTransaction;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.bulletins.Bulletin;

/** A bulletin's confirm page sends once, however often its form arrives: a second tap on a slow phone sends nothing more. */
@QuarkusTest
class SendFormOnceTest {

    @Inject
    EntityManager em;

    private static final Pattern ONCE = Pattern.compile("name=\"once\" value=\"([A-Za-z0-9_-]{43})\"");

    @Test
    void aConfirmPageSentSeveralTimesAtOnceSendsOneBulletinAndLeadsEveryTapToIt() throws Exception {
        String group = newGroupOfTwo();
        String text = "Dubbeltryck " + UUID.randomUUID();
        Map<String, String> leader = TestApi.signInToUi("dubbeltryck", List.of(Roles.SENDER));
        Map<String, String> form = confirmPage(leader, text, group);

        List<String> ledTo = AtOnce.run(3, () -> send(leader, form));
        assertEquals(1, bulletinsWith(text), "three taps, one bulletin");
        assertTrue(ledTo.get(0).matches(".*/app/bulletins/\\d+"), ledTo.toString());
        assertEquals(List.of(ledTo.get(0), ledTo.get(0), ledTo.get(0)), ledTo, "every tap is led to the one bulletin");

        assertEquals(ledTo.get(0), send(leader, form), "the browser sending the page again later");
        assertEquals(1, bulletinsWith(text));

        String another = send(leader, confirmPage(leader, text, group));
        assertNotEquals(ledTo.get(0), another, "the same words sent again through a new confirm page are a new bulletin");
        assertEquals(2, bulletinsWith(text));
    }

    @Test
    void aSubmissionThatWasRefusedLeavesThePageToBeSentOnceItCan() {
        String group = newGroupOfTwo();
        String text = "Efter rättning " + UUID.randomUUID();
        Map<String, String> leader = TestApi.signInToUi("dubbeltryck", List.of(Roles.SENDER));
        Map<String, String> form = confirmPage(leader, text, group);
        Map<String, String> refused = new HashMap<>(form);
        refused.put("groups", group + "-finns-inte");

        String page = given().cookies(leader).redirects().follow(false).formParams(refused).post("/app/bulletins/send").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains(group + "-finns-inte"), "the refusal names the group");
        assertEquals(0, bulletinsWith(text));

        assertTrue(send(leader, form).matches(".*/app/bulletins/\\d+"));
        assertEquals(1, bulletinsWith(text));
    }

    /**
     * A tap while the first is still being stored, for longer than the embedded database waits for a row (two
     * seconds, as a bulletin to thousands may take): it waits for the first, and is led to its bulletin.
     */
    @Test
    void aTapWhileTheFirstIsStillBeingStoredWaitsForItAndIsLedToIt() throws Exception {
        String group = newGroupOfTwo();
        String text = "Långsam " + UUID.randomUUID();
        Map<String, String> leader = TestApi.signInToUi("dubbeltryck", List.of(Roles.SENDER));
        Map<String, String> form = confirmPage(leader, text, group);
        Future<?> first = HeldTransaction.start(() -> em.createNativeQuery(
                "insert into submitted_form (token, led_to, submitted_at) values (?1, '/app/bulletins/424242', ?2)")
                .setParameter(1, form.get("once")).setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate(),
                Duration.ofSeconds(3));

        assertTrue(send(leader, form).endsWith("/app/bulletins/424242"), "led to the first tap's bulletin");
        first.get(10, TimeUnit.SECONDS);
        assertEquals(0, bulletinsWith(text), "nothing sent a second time");
    }

    /** A group of its own with two people in it. */
    private static String newGroupOfTwo() {
        String group = "Tryck" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2; i++) {
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("id", group + "-" + i, "name", "Person " + i,
                            "mobile", "+4670175" + (1000 + ThreadLocalRandom.current().nextInt(9000)), "groups", List.of(group)))
                    .post("/api/contacts").then().statusCode(201);
        }
        return group;
    }

    /** The confirm step's form, with the token its page carries. */
    private static Map<String, String> confirmPage(Map<String, String> leader, String text, String group) {
        Map<String, String> form = new HashMap<>(Map.of("csrf", leader.get("outband-csrf"), "text", text, "groups", group, "channels", "sms"));
        String page = given().cookies(leader).formParams(form).post("/app/bulletins/preview").then().statusCode(200).extract().asString();
        Matcher once = ONCE.matcher(page);
        assertTrue(once.find(), page);
        form.put("once", once.group(1));
        return form;
    }

    /** Where sending the form leads. */
    private static String send(Map<String, String> leader, Map<String, String> form) {
        return given().cookies(leader).redirects().follow(false).formParams(form).post("/app/bulletins/send").then().statusCode(303)
                .extract().header("Location");
    }

    private static long bulletinsWith(String text) {
        return QuarkusTransaction.requiringNew().call(() -> Bulletin.count("text", text));
    }
}
