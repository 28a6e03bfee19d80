package se.outband.checks;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.Browser;
import se.outband.PageChecks;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * A person's own page on a 390 px phone in Chromium, from the link in their SMS to a new number confirmed with the
 * code, and HR's pages for the check: each state passes axe-core (WCAG 2.1 A/AA) and the Nu Html Checker, and
 * nothing is wider than the phone.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class ContactCheckBrowserTest {

    private static final int PHONE_WIDTH = 390;
    private static final Pattern LINK = Pattern.compile("https://outband\\.test(/self/[A-Za-z0-9_-]{43})");

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void nothingLeftToSend() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }

    @Test
    void aPersonCorrectsTheirNumberOnAPhoneAndHrFollowsTheCheck() throws Exception {
        FakeProviders.reset();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String group = "Mobilkontroll" + unique;
        String mobile = number();
        asAdmin().contentType("text/csv").body(("id,name,mobile,groups,unit\n" + "p" + unique + ",Gunilla Långnamnsdottir-Fredriksson,"
                + mobile + "," + group + ",Socialförvaltningens beredskapsenhet\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
        long id = as(Roles.CONTACTS).contentType(ContentType.JSON)
                .body(Map.of("groups", List.of(group), "deadline", LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(14).toString()))
                .post("/api/contact-checks").then().statusCode(201).extract().<Number>path("id").longValue();
        Matcher link = LINK.matcher(sms(mobile));
        assertTrue(link.find());
        String page = link.group(1).substring(1);
        TestApi.ensureUser("kontrollhr", List.of(Roles.CONTACTS));

        WebDriver browser = Browser.open(PHONE_WIDTH, 844, true);
        List<PageChecks.Findings> findings = new ArrayList<>();
        List<String> tooWide = new ArrayList<>();
        try {
            findings.add(PageChecks.check(browser, URI.create(base.toString()).resolve(page)));
            fits(browser, "the page", tooWide);
            Browser.screenshot(browser, "self-page");

            browser.findElement(By.id("mobile")).sendKeys("inte ett nummer");
            browser.findElement(By.cssSelector("form[aria-labelledby=correct-heading] button")).click();
            shows(browser, "#errors", "inget giltigt telefonnummer");
            findings.add(new PageChecks.Findings("the page with an error", PageChecks.axe(browser), List.of()));
            fits(browser, "the page with an error", tooWide);

            String newMobile = number();
            browser.findElement(By.id("mobile")).clear();
            browser.findElement(By.id("mobile")).sendKeys(newMobile);
            browser.findElement(By.cssSelector("form[aria-labelledby=correct-heading] button")).click();
            shows(browser, "[role=status]", "En kod är skickad");
            findings.add(PageChecks.check(browser, URI.create(browser.getCurrentUrl())));
            fits(browser, "the code form", tooWide);
            Browser.screenshot(browser, "self-code");
            Matcher code = Pattern.compile("(\\d{6})").matcher(sms(newMobile));
            assertTrue(code.find());
            browser.findElement(By.id("code")).sendKeys(code.group(1));
            browser.findElement(By.cssSelector("form[aria-labelledby=code-heading] button")).click();
            shows(browser, "[role=status]", "Ändringen är sparad");
            assertEquals(newMobile, asAdmin().get("/api/contacts/p" + unique).then().extract().path("mobile"));

            findings.add(PageChecks.check(browser, URI.create(base.toString()).resolve("self/" + "x".repeat(43))));

            Browser.signIn(browser, URI.create(base.toString()), "kontrollhr");
            for (String hr : List.of("app/contacts/checks", "app/contacts/checks/" + id)) {
                findings.add(PageChecks.check(browser, URI.create(base.toString()).resolve(hr)));
                fits(browser, hr, tooWide);
            }
            assertEquals("Skickade: 1\nBekräftade: 0\nÄndrade: 1\nInte svarat: 0\nGår inte att nå: 0",
                    browser.findElement(By.id("figures")).getText());
            assertTrue(browser.findElement(By.tagName("main")).getText().contains("Gunilla Långnamnsdottir-Fredriksson"));
            Browser.screenshot(browser, "check-progress");
        } finally {
            browser.quit();
        }
        findings.forEach(System.out::println);
        assertTrue(findings.stream().allMatch(PageChecks.Findings::none), () -> findings.toString());
        assertTrue(tooWide.isEmpty(), () -> "Wider than a phone: " + tooWide);
    }

    @Test
    void aNumberThatDoesNotWorkAndThePersonsRightsPassTheChecksOnAPhone() throws Exception {
        FakeProviders.reset();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String group = "Felnummer" + unique;
        String mobile = number();
        FakeProviders.twilio().stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=" + java.net.URLEncoder.encode(mobile, StandardCharsets.UTF_8)))
                .willReturn(FakeProviders.twilioError(400, 21614, "'To' number is not a valid mobile number")));
        asAdmin().contentType("text/csv").body(("id,name,mobile,email,groups\n" + "f" + unique + ",Fredrik Fastnummer-Långström,"
                + mobile + ",fredrik" + unique + "@example.net," + group + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
        as(Roles.CONTACTS).contentType(ContentType.JSON)
                .body(Map.of("groups", List.of(group), "deadline", LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(14).toString()))
                .post("/api/contact-checks").then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> asAdmin().get("/api/contacts/f" + unique).then().extract().path("failingNumber") != null);
        TestApi.ensureUser("rattadmin", List.of(Roles.ADMIN));

        WebDriver browser = Browser.open(PHONE_WIDTH, 844, true);
        List<PageChecks.Findings> findings = new ArrayList<>();
        List<String> tooWide = new ArrayList<>();
        try {
            Browser.signIn(browser, URI.create(base.toString()), "rattadmin");
            for (String path : List.of("app/contacts?failing=true&group=" + group, "app/contacts/f" + unique)) {
                findings.add(PageChecks.check(browser, URI.create(base.toString()).resolve(path)));
                fits(browser, path, tooWide);
                assertTrue(browser.findElement(By.tagName("main")).getText()
                        .contains("Numret fungerar inte: Numret är inte ett mobilnummer och kan inte ta emot SMS"), path);
            }
            Browser.screenshot(browser, "person-rights");
            browser.get(base + "app/contacts/checks");
            browser.findElement(By.id("groups")).sendKeys(group);
            ((JavascriptExecutor) browser).executeScript("document.getElementById('deadline').value = arguments[0]",
                    LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(14).toString());
            browser.findElement(By.id("check-dry-run")).click();
            shows(browser, "#check-drill", "Provkörning");
            findings.add(new PageChecks.Findings("the check's drill", PageChecks.axe(browser), List.of()));
            fits(browser, "the check's drill", tooWide);
        } finally {
            browser.quit();
        }
        findings.forEach(System.out::println);
        assertTrue(findings.stream().allMatch(PageChecks.Findings::none), () -> findings.toString());
        assertTrue(tooWide.isEmpty(), () -> "Wider than a phone: " + tooWide);
    }

    private static void fits(WebDriver browser, String what, List<String> tooWide) {
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        long content = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertEquals(PHONE_WIDTH, viewport);
        if (content > viewport) {
            tooWide.add(what + " is " + content + " px wide");
        }
    }

    private static String number() {
        return "+46703" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static String sms(String to) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> smsRequests().stream().anyMatch(r -> to.equals(r.get("To"))));
        return smsRequests().stream().filter(r -> to.equals(r.get("To"))).reduce((a, b) -> b).orElseThrow().get("Body");
    }

    /**
     * Waits for the page a form's button leads to: until it has loaded, the browser may still show the page
     * before it (the code page has a status line too), whose elements vanish under the reader.
     */
    private static void shows(WebDriver browser, String css, String words) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> browser.findElement(By.cssSelector(css)).getText().contains(words));
    }
}
