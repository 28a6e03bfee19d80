package se.outband.subscriptions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.auditBy;
import static se.outband.TestApi.auditTotal;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.outband.Browser;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.common.LinkTokens;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;
import se.outband.statuspage.StatusSite;

/**
 * A citizen asks on the status page's form for email (posted from another site, as a static copy would),
 * confirms the link in the mail (double opt-in), gets one mail per incident opened, updated and resolved with
 * RFC 8058 headers, and ends it with a one-click POST. GreenMail is the SMTP relay: the headers are read off the
 * mails it received.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class EmailSubscriptionTest {

    private static final Pattern CONFIRM = Pattern.compile("https://outband\\.test/subscribe/confirm/([A-Za-z0-9_-]{43})");
    private static final Pattern STOP = Pattern.compile("<https://outband\\.test(/subscribe/stop/[A-Za-z0-9_-]{43})>");

    @Inject
    StatusSite site;

    @Inject
    TestClock clock;

    @TestHTTPResource("/subscribe")
    URL subscribeUrl;

    @TestHTTPResource("/status/")
    URL statusPage;

    private final List<String> addresses = new ArrayList<>();

    @BeforeEach
    void quietProviders() {
        FakeProviders.reset();
    }

    @AfterEach
    void unsubscribeEveryone() {
        QuarkusTransaction.requiringNew().run(() -> EmailSubscriber.delete("email in ?1", addresses));
        awaitNothingLeftToSend();
    }

    @Test
    void aConfirmedSubscriberGetsEveryChangeByMailUntilTheOneClickUnsubscribe() throws Exception {
        String email = address();
        long subscribers = count();
        Response answered = subscribe(email, "sv");
        assertEquals(200, answered.statusCode(), answered.asString());
        assertTrue(answered.asString().contains("Titta i din e-post"), answered.asString());
        MimeMessage confirmation = awaitOne(email, "bekräfta att du vill få e-post");
        String body = body(confirmation);
        Matcher link = CONFIRM.matcher(body);
        assertTrue(link.find(), body);
        String token = link.group(1);
        assertTrue(header(confirmation, "List-Unsubscribe").matches("<https://outband\\.test/subscribe/stop/[A-Za-z0-9_-]{43}>"));
        EmailSubscriber stored = QuarkusTransaction.requiringNew().call(() -> EmailSubscriber.<EmailSubscriber>find("email", email).firstResult());
        assertEquals(LinkTokens.hash(token), stored.confirmHash, "only the hash of the link's token is stored");
        assertNotEquals(token, stored.confirmHash);
        assertEquals(subscribers, count(), "not counted, and not told, before the link is followed");

        String title = "Elavbrott " + UUID.randomUUID().toString().substring(0, 6);
        long incident = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", "Strömmen är borta i norra delen.")).post("/api/status/incidents").then()
                .statusCode(201).extract().<Number>path("id").longValue();
        awaitNothingLeftToSend();
        assertEquals(List.of(), mailsTo(email, title), "an unconfirmed address gets nothing");

        Response page = given().get("/subscribe/confirm/" + token);
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains("action=\"/subscribe/confirm/" + token + "\""), "opening the link only shows a button");
        assertEquals(subscribers, count(), "a mail scanner opening the link confirms nothing");
        Response confirmed = given().post("/subscribe/confirm/" + token);
        assertEquals(200, confirmed.statusCode());
        assertTrue(confirmed.asString().contains("Nu prenumererar du"));
        assertEquals(subscribers + 1, count());
        assertEquals(410, given().post("/subscribe/confirm/" + token).statusCode(), "the link works once");

        String longText = "Reparationen tar längre tid än väntat eftersom kabeln ligger djupt under vägen och grävmaskinen "
                + "måste hämtas från grannkommunen; vi räknar med ström igen under kvällen. Ladda telefonen där du kan.";
        // Each awaited before the next: changes closer than outband.subscriptions.least-between are merged (below).
        update(incident, Map.of("text", longText, "state", "identified"));
        MimeMessage whole = awaitOne(email, "Orsaken är känd");
        assertTrue(body(whole).contains("Ladda telefonen där du kan."), "a mail carries the whole text: " + body(whole));
        update(incident, Map.of("text", "Stavfel rättat.", "notifySubscribers", false));
        update(incident, Map.of("text", "Kabeln är lagad.", "state", "monitoring"));
        awaitOne(email, "Kabeln är lagad.");
        update(incident, Map.of("text", "Strömmen är tillbaka överallt.", "state", "resolved"));
        awaitOne(email, "Åtgärdat: " + title);
        awaitNothingLeftToSend();
        List<MimeMessage> told = mailsTo(email, title);
        assertEquals(3, told.size(), "updated twice and resolved; the typo fix is not sent");
        assertEquals(List.of(), mailsTo(email, "Stavfel"));
        for (MimeMessage mail : told) {
            assertEquals("List-Unsubscribe=One-Click", header(mail, "List-Unsubscribe-Post"));
            assertTrue(body(mail).contains("/subscribe/stop/"), "and a link a person can follow");
        }

        // The mailbox provider's one-click POST (RFC 8058): no cookie, no CSRF token, no page opened first.
        Matcher stop = STOP.matcher(header(told.get(0), "List-Unsubscribe"));
        assertTrue(stop.matches());
        long audit = auditTotal();
        given().contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click").post(stop.group(1)).then().statusCode(200);
        assertEquals(subscribers, count());
        update(incident, Map.of("text", "Efterspel: rapport kommer."));
        awaitNothingLeftToSend();
        assertEquals(List.of(), mailsTo(email, "Efterspel"), "nothing after the unsubscribe");
        List<String> entries = auditBy("public via the status page", audit);
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("subscription.email-ended address=" + email.charAt(0) + "***@")), entries.toString());
        assertTrue(entries.stream().noneMatch(e -> e.contains(email)), "the audit log does not keep the address: " + entries);
    }

    /**
     * The form answers the same page whatever is known of the address, sends at most three confirmation mails to an
     * address a day, and holds back one client that posts too often; a confirmed address gets no new mail.
     */
    @Test
    void theFormTellsNothingAndIsHeldBackPerAddressAndPerClient() {
        String email = address();
        String client = TestApi.newAddress();
        String first = subscribe(email, "en", client).then().statusCode(200).extract().asString();
        assertTrue(first.contains("Check your email"), first);
        for (int i = 0; i < 4; i++) {
            assertEquals(first, subscribe(email, "en", client).then().statusCode(200).extract().asString(), "the same page each time");
        }
        awaitNothingLeftToSend();
        assertEquals(3, mailsTo(email, "confirm that you want email").size(), "three confirmation mails a day at most");

        String confirmedAddress = address();
        subscribe(confirmedAddress, "sv", client);
        String token = token(awaitOne(confirmedAddress, "bekräfta"));
        given().post("/subscribe/confirm/" + token).then().statusCode(200);
        Response again = subscribe(confirmedAddress, "sv", client);
        assertEquals(200, again.statusCode());
        assertTrue(again.asString().contains("Titta i din e-post"));
        awaitNothingLeftToSend();
        assertEquals(1, mailsTo(confirmedAddress, "").size(), "a confirmed address is not mailed again");

        assertEquals(400, subscribe("inte-en-adress", "sv", client).statusCode());
        for (int i = 0; i < 20; i++) {
            subscribe(address(), "sv", client);
        }
        Response held = subscribe(address(), "sv", client);
        assertEquals(429, held.statusCode(), "twenty posts an hour from one client");
        assertTrue(held.asString().contains("Vänta en stund"));
        assertEquals(200, subscribe(address(), "sv", TestApi.newAddress()).statusCode(), "another client is not held back");
    }

    @Test
    void aLinkPastItsFortyEightHoursConfirmsNothing() {
        String email = address();
        subscribe(email, "sv");
        String token = token(awaitOne(email, "bekräfta"));
        assertTrue(body(awaitOne(email, "bekräfta")).contains("inom 48 timmar"));
        QuarkusTransaction.requiringNew().run(() -> EmailSubscriber.update("confirmUntil = ?1 where email = ?2",
                Instant.now().minus(Duration.ofMinutes(1)), email));
        assertEquals(410, given().get("/subscribe/confirm/" + token).statusCode());
        assertEquals(410, given().post("/subscribe/confirm/" + token).statusCode());
        assertNull(QuarkusTransaction.requiringNew().call(() -> EmailSubscriber.<EmailSubscriber>find("email", email).firstResult().confirmedAt));
        assertEquals(410, given().post("/subscribe/confirm/not-a-token").statusCode());
    }

    /** The static page carries the form, posting to Outband's public address, and the script that says when it does not answer. */
    @Test
    void theStatusPageHasTheFormAndItsScript() {
        site.render();
        String page = given().get("/status/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<form method=\"post\" action=\"https://outband.test/subscribe\" id=\"subscribe-form\""), page);
        assertTrue(page.contains("name=\"language\" value=\"sv\""));
        assertTrue(page.contains("Tjänsten för prenumerationer går inte att nå just nu"));
        assertTrue(given().get("/status/en/").asString().contains("name=\"language\" value=\"en\""));
        Response script = given().get("/status/subscribe.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.contentType().startsWith("text/javascript"));
        assertTrue(script.asString().contains("data-unreachable"));
        assertTrue(script.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals(303, given().redirects().follow(false).get("/subscribe").statusCode(), "the script's question is answered");
    }

    /**
     * Changes posted closer together than the least time between two messages wait for it and go out as one: the
     * mail holds both, newest first; the SMS says the newest. The clock is held still, then moved past that time.
     */
    @Test
    void changesCloserThanTheLeastTimeAreMergedIntoOneMessage() {
        String email = address();
        subscribe(email, "sv");
        given().post("/subscribe/confirm/" + token(awaitOne(email, "bekräfta"))).then().statusCode(200);
        String mobile = "+46703" + String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        QuarkusTransaction.requiringNew().run(() -> {
            SmsSubscriber subscriber = new SmsSubscriber();
            subscriber.mobile = mobile;
            subscriber.language = "sv";
            subscriber.subscribedAt = Instant.now().minusSeconds(60);
            subscriber.persist();
        });
        try {
            String title = "Vattenläcka " + UUID.randomUUID().toString().substring(0, 6);
            long incident = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("title", title, "text", "Vatten saknas."))
                    .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
            awaitOne(email, "Ny störning: " + title);
            awaitSms(mobile, "Ny störning: " + title);

            // Held still at the moment the opening's messages were all queued, whenever this line runs: the least time
            // since then has not passed until the clock is moved.
            Instant queued = QuarkusTransaction.requiringNew().call(() -> SubscriberNotice.getEntityManager().createQuery(
                    "select max(n.smsDoneAt) from SubscriberNotice n", Instant.class).getSingleResult());
            Instant mailed = QuarkusTransaction.requiringNew().call(() -> SubscriberNotice.getEntityManager().createQuery(
                    "select max(n.mailDoneAt) from SubscriberNotice n", Instant.class).getSingleResult());
            clock.freeze();
            clock.advance(Duration.between(clock.instant(), queued.isAfter(mailed) ? queued : mailed));
            update(incident, Map.of("text", "Första lägesbilden.", "state", "identified"));
            update(incident, Map.of("text", "Andra lägesbilden.", "state", "monitoring"));
            Awaitility.await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                    .until(() -> mailsTo(email, "lägesbilden").isEmpty() && sms(mobile, "lägesbilden").isEmpty());

            // Just past the least time (1 s in tests): moved further, the notices after this test would wait for it.
            clock.advance(Duration.ofMillis(1500));
            String merged = body(awaitOne(email, "Andra lägesbilden."));
            assertTrue(merged.contains("Första lägesbilden.") && merged.indexOf("Andra") < merged.indexOf("Första"), merged);
            assertTrue(awaitSms(mobile, "Andra lägesbilden.").contains(" - Bevakas: "));
            awaitNothingLeftToSend();
            assertEquals(1, mailsTo(email, "lägesbilden").size(), "one mail for both changes");
            assertEquals(List.of(), sms(mobile, "Första lägesbilden."), "the SMS says the newest");
            assertEquals(1, sms(mobile, "lägesbilden").size());
        } finally {
            clock.reset();
            QuarkusTransaction.requiringNew().run(() -> SmsSubscriber.delete("mobile", mobile));
        }
    }

    /**
     * The folder alone, as a static host or a USB stick serves it, in Chromium with JavaScript: while the form's address
     * does not answer, the form says so and the reader stays on the page; once it answers, the form posts as it does
     * without the script.
     */
    @Test
    void fromTheFilesAloneTheFormSaysWhenOutbandCannotBeReached() throws Exception {
        site.render();
        String email = address();
        WebDriver browser = Browser.open(400, 900, true);
        try {
            browser.get(site.current().toRealPath().resolve("index.html").toUri().toString());
            browser.findElement(By.id("subscribe-email")).sendKeys(email);
            browser.findElement(By.cssSelector("#subscribe-form button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("subscribe-status"), "Tjänsten för prenumerationer går inte att nå just nu"));
            assertTrue(browser.getCurrentUrl().startsWith("file:"), "still on the status page");

            // Served by this Outband (a page from a file may not ask a local server anything), pointed at it.
            browser.get(statusPage.toString());
            browser.findElement(By.id("subscribe-email")).sendKeys(email);
            ((JavascriptExecutor) browser).executeScript("document.getElementById('subscribe-form').action = arguments[0]",
                    subscribeUrl.toString());
            browser.findElement(By.cssSelector("#subscribe-form button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Titta i din e-post"));
            awaitOne(email, "bekräfta att du vill få e-post");
        } finally {
            browser.quit();
        }
    }

    private Response subscribe(String email, String language) {
        return subscribe(email, language, TestApi.newAddress());
    }

    /** Posted as a browser posts the form of a static copy on another site. */
    private static Response subscribe(String email, String language, String client) {
        return given().redirects().follow(false).header("X-Forwarded-For", client).header("Origin", "https://status.example.org")
                .header("Sec-Fetch-Site", "cross-site").formParams(Map.of("email", email, "language", language)).post("/subscribe");
    }

    private String address() {
        String address = "medborgare-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        addresses.add(address);
        return address;
    }

    private static long count() {
        return as(Roles.SENDER).get("/api/status/subscribers").then().statusCode(200).extract().<Number>path("email").longValue();
    }

    private static void update(long incident, Map<String, Object> body) {
        as(Roles.SENDER).contentType(ContentType.JSON).body(body).post("/api/status/incidents/" + incident + "/updates").then()
                .statusCode(201);
    }

    private static String token(MimeMessage mail) {
        Matcher link = CONFIRM.matcher(body(mail));
        assertTrue(link.find());
        return link.group(1);
    }

    /** The one mail to {@code email} whose subject or text holds {@code text}; fails if there are two. */
    private static MimeMessage awaitOne(String email, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> !mailsTo(email, text).isEmpty());
        List<MimeMessage> mails = mailsTo(email, text);
        assertEquals(1, mails.size());
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(String email, String text) {
        return Arrays.stream(FakeProviders.smtp().getReceivedMessages())
                .filter(m -> to(m).equals(email) && (subject(m).contains(text) || body(m).contains(text))).toList();
    }

    /** The plain-text part, decoded. */
    private static String body(MimeMessage mail) {
        try {
            return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            assertTrue(values != null && values.length == 1, name + " once");
            return values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String awaitSms(String number, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> !sms(number, text).isEmpty());
        List<String> sent = sms(number, text);
        assertEquals(1, sent.size(), sent.toString());
        return sent.get(0);
    }

    private static List<String> sms(String number, String text) {
        return smsRequests().stream().filter(r -> number.equals(r.get("To")) && r.get("Body").contains(text)).map(r -> r.get("Body"))
                .toList();
    }

    private static void awaitNothingLeftToSend() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> SubscriberNotice.count("done = false or mailDone = false")
                        + Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }
}
