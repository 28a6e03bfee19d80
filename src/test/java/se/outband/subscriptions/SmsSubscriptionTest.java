package se.outband.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;
import static se.outband.TestApi.as;
import static se.outband.TestApi.auditBy;
import static se.outband.TestApi.auditTotal;
import static se.outband.subscriptions.PublicSms.EMPTY;
import static se.outband.subscriptions.PublicSms.awaitNothingLeftToSend;
import static se.outband.subscriptions.PublicSms.awaitOne;
import static se.outband.subscriptions.PublicSms.newNumber;
import static se.outband.subscriptions.PublicSms.sms;
import static se.outband.subscriptions.PublicSms.to;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import se.outband.messaging.providers.sms.SmsSegments;

/**
 * A citizen subscribes by texting a word to Outband's number (through Twilio's signed webhook), gets one SMS
 * per incident opened, updated and resolved, in the language of the word, and none once they text STOPP.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class SmsSubscriptionTest {

    private final List<String> numbers = new ArrayList<>();

    @BeforeEach
    void quietProviders() {
        FakeProviders.reset();
    }

    /** Nobody this test subscribed is left to receive another test's incidents, and nothing of it is left to send. */
    @AfterEach
    void unsubscribeEveryone() {
        QuarkusTransaction.requiringNew().run(() -> SmsSubscriber.delete("mobile in ?1", numbers));
        awaitNothingLeftToSend();
    }

    @Test
    void aSubscriberGetsOneSmsPerChangeInTheirLanguageUntilStopp() {
        String swede = number();
        String english = number();
        long subscribers = subscriberCount();
        assertEquals(EMPTY, sms(swede, " prenumerera "), "the confirmation goes through the outbox, not in the webhook's answer");
        assertEquals(EMPTY, sms(english, "SUBSCRIBE"));
        assertEquals(subscribers + 2, subscriberCount());
        String welcome = awaitOne(swede, "Du får nu ett SMS när driftstatus ändras");
        assertTrue(welcome.contains("Avsluta med STOPP") && welcome.contains("/status/"), welcome);
        assertTrue(awaitOne(english, "You will now get an SMS").contains("text STOPP"));

        String title = "Vattenläcka " + UUID.randomUUID().toString().substring(0, 6);
        long incident = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", "Vattnet är avstängt i centrum.", "titleEn", "Water leak",
                        "textEn", "Water is off in the centre."))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
        String opened = awaitOne(swede, "Ny störning: " + title);
        assertTrue(opened.endsWith("Vattnet är avstängt i centrum. " + FakeProviders.PUBLIC_URL + "/status/"), opened);
        String openedEn = awaitOne(english, "New disruption");
        assertTrue(openedEn.endsWith(" kommun: New disruption: Water leak. Water is off in the centre. " + FakeProviders.PUBLIC_URL
                + "/status/"), openedEn);

        String longText = "Reparationen tar längre tid än väntat eftersom ledningen ligger djupt under vägen och grävmaskinen "
                + "måste hämtas från grannkommunen; vi räknar med vatten igen under kvällen. Koka vattnet innan du dricker det.";
        update(incident, Map.of("text", longText, "state", "identified"));
        String cut = awaitOne(swede, "Orsaken är känd");
        assertEquals(1, SmsSegments.count(cut).segments(), cut);
        assertTrue(cut.contains("...") && cut.endsWith(" " + FakeProviders.PUBLIC_URL + "/status/"), cut);

        update(incident, Map.of("text", "Stavfel rättat.", "notifySubscribers", false));
        update(incident, Map.of("text", "Vatten igen i hela centrum.", "state", "resolved"));
        assertTrue(awaitOne(swede, "Åtgärdat: " + title).contains("Vatten igen i hela centrum."));
        assertTrue(awaitOne(english, "Resolved: Water leak").contains("Vatten igen i hela centrum."),
                "without an English text the Swedish one is sent");
        awaitNothingLeftToSend();
        assertEquals(List.of(), to(swede, "Stavfel"), "the leader chose not to tell subscribers about a typo");
        assertEquals(4, to(swede, "").size(), "welcome, opened, updated, resolved: " + to(swede, ""));

        assertEquals(EMPTY, sms(swede, "STOPP"));
        assertTrue(awaitOne(swede, "Du får inte längre SMS").contains("PRENUMERERA"));
        update(incident, Map.of("text", "Efterspel: rapport kommer."));
        awaitOne(english, "Efterspel");
        awaitNothingLeftToSend();
        assertEquals(List.of(), to(swede, "Efterspel"), "nothing after STOPP");
        assertEquals(subscribers + 1, subscriberCount());
    }

    /**
     * Twilio acts on STOP itself: it answers with its own text and refuses further SMS to the number (21610).
     * Outband ends the subscription, sends no goodbye that would be refused, and says in the audit log that
     * every SMS to the number, bulletins too, is blocked until it texts START.
     */
    @Test
    void stopViaTwilioEndsTheSubscriptionWithoutASecondGoodbyeAndIsAudited() {
        String number = number();
        sms(number, "START");
        awaitOne(number, "Du får nu ett SMS");
        long audit = auditTotal();
        sms(number, "stop");
        awaitNothingLeftToSend();
        assertEquals(1, to(number, "").size(), "only the welcome: " + to(number, ""));
        List<String> entries = auditBy("public via SMS", audit);
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("subscription.provider-opt-out") && e.contains("until it texts START")
                && !e.contains(number)), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("subscription.sms-ended")), entries.toString());
        assertEquals(0, (long) QuarkusTransaction.requiringNew().call(() -> SmsSubscriber.count("mobile", number)));
    }

    @Test
    void stoppFromSomeoneWhoNeverSubscribedSendsNothingAndOtherTextsAreNotWords() {
        String stranger = number();
        long subscribers = subscriberCount();
        assertEquals(EMPTY, sms(stranger, "STOPP"));
        assertEquals(EMPTY, sms(stranger, "prenumerera gärna"));
        assertEquals(subscribers, subscriberCount());
        awaitNothingLeftToSend();
        assertEquals(List.of(), to(stranger, ""));
    }

    /** In the web UI a leader sees how many subscribe, and a change with "do not send" reaches none of them. */
    @Test
    void theLeadersEditorShowsTheCountAndCanKeepAChangeFromSubscribers() {
        String number = number();
        sms(number, "PRENUMERERA");
        awaitOne(number, "Du får nu ett SMS");
        long count = subscriberCount();
        Map<String, String> cookies = TestApi.signInToUi("ui-subscriptions", List.of(Roles.SENDER));
        String editor = given().cookies(cookies).get("/app/status").then().statusCode(200).extract().asString();
        long email = as(Roles.SENDER).get("/api/status/subscribers").then().statusCode(200).extract().<Number>path("email").longValue();
        assertTrue(editor.contains("Prenumeranter på driftstatus: " + count + " med SMS och " + email + " med e-post"), editor);

        String title = "Tyst " + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(303, given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParams(Map.of("csrf", cookies.get("outband-csrf"), "title", title, "text", "Bara ett test.", "quiet", "true"))
                .post("/app/status/incidents").statusCode());
        long incident = as(Roles.SENDER).get("/api/status/incidents").then().extract().jsonPath()
                .<Number>getList("findAll { it.title == '" + title + "' }.id").get(0).longValue();
        assertEquals(303, given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParams(Map.of("csrf", cookies.get("outband-csrf"), "text", "Och det här hörs.", "state", "resolved"))
                .post("/app/status/incidents/" + incident + "/updates").statusCode());
        assertTrue(awaitOne(number, "Åtgärdat: " + title).contains("Och det här hörs."), "left unchecked, subscribers are told");
        awaitNothingLeftToSend();
        assertEquals(List.of(), to(number, "Ny störning: " + title), "checked, they are not");
    }

    private void update(long incident, Map<String, Object> body) {
        as(Roles.SENDER).contentType(ContentType.JSON).body(body).post("/api/status/incidents/" + incident + "/updates").then()
                .statusCode(201);
    }

    private String number() {
        String number = newNumber();
        numbers.add(number);
        return number;
    }

    private static long subscriberCount() {
        return as(Roles.SENDER).get("/api/status/subscribers").then().statusCode(200).extract().<Number>path("sms").longValue();
    }
}
