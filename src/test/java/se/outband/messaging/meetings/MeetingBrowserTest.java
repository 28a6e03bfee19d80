package se.outband.messaging.meetings;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

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
import se.outband.messaging.MessagingTestSupport;

/**
 * A leader follows a meeting on a 390 px phone in Chromium: who is in, who declined, who did not answer with a
 * tap-to-call link and "Ring igen", which calls them again. Each page passes axe-core (WCAG 2.1 A/AA) and the
 * Nu Html Checker, and nothing is wider than the phone.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class MeetingBrowserTest {

    private static final int PHONE_WIDTH = 390;
    private static final Pattern CALL_SID = Pattern.compile("\"sid\": \"(CA[0-9a-fA-F]{32})\"");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aLeaderFollowsTheMeetingOnAPhoneAndCallsAgainWhoDidNotAnswer() throws Exception {
        String group = "Krisledning" + UUID.randomUUID().toString().substring(0, 6);
        replaceContacts("id,name,mobile,groups\n" + "b1,Anna Ansluten,070-174 08 01," + group + "\n"
                + "b2,Bertil Avböjer,070-174 08 02," + group + "\n" + "b3,Cecilia Långnamnsdottir-Fredriksson,070-174 08 03," + group + "\n");
        FakeProviders.reset();
        long id = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("groups", List.of(group))).post("/api/meetings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> calls().size() == 3);
        for (ServeEvent call : calls()) {
            Map<String, String> form = MessagingTestSupport.form(call.getRequest().getBodyAsString());
            String path = form.get("Url").substring(FakeProviders.PUBLIC_URL.length());
            Matcher sid = CALL_SID.matcher(call.getResponse().getBodyAsString());
            assertTrue(sid.find());
            switch (form.get("To")) {
                case "+46701740801" -> {
                    FakeProviders.callAsTwilio(path + "/keypad", Map.of("CallSid", sid.group(1), "Digits", "1")).statusCode(200);
                    FakeProviders.callAsTwilio("/webhooks/twilio/meetings/" + id + "/conference", Map.of("StatusCallbackEvent",
                            "participant-join", "CallSid", sid.group(1), "ConferenceSid", "CF" + "0".repeat(32))).statusCode(204);
                }
                case "+46701740802" -> FakeProviders.callAsTwilio(path + "/keypad", Map.of("CallSid", sid.group(1), "Digits", "2"))
                        .statusCode(200);
                default -> FakeProviders.callAsTwilio(path + "/status", Map.of("CallSid", sid.group(1), "CallStatus", "no-answer"))
                        .statusCode(204);
            }
        }
        TestApi.ensureUser("motesledare", List.of(Roles.SENDER));

        WebDriver browser = Browser.open(PHONE_WIDTH, 844, true);
        List<PageChecks.Findings> findings = new ArrayList<>();
        List<String> tooWide = new ArrayList<>();
        try {
            Browser.signIn(browser, URI.create(base.toString()), "motesledare");
            findings.add(PageChecks.check(browser, URI.create(base.toString()).resolve("app/meetings")));
            fits(browser, "the meetings", tooWide);
            Browser.screenshot(browser, "meetings");
            findings.add(PageChecks.check(browser, URI.create(base.toString()).resolve("app/meetings/" + id)));
            fits(browser, "the meeting", tooWide);
            Browser.screenshot(browser, "meeting");
            assertEquals("1 med, 1 tackade nej, 1 svarade inte", browser.findElement(By.id("tally")).getText());
            assertEquals("tel:+46701740803", browser.findElement(By.cssSelector("tr[data-state=NO_ANSWER] a")).getAttribute("href"));
            assertEquals(2, browser.findElements(By.cssSelector("tbody button")).size(), "call again: who declined or did not answer");
            assertEquals(0, browser.findElements(By.cssSelector("tr[data-state=IN] button")).size());

            browser.findElement(By.cssSelector("tr[data-state=NO_ANSWER] button")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(WebDriverException.class)
                    .until(() -> browser.findElements(By.cssSelector("tr[data-state=CALLING]")).size() == 1);
            assertTrue(browser.findElement(By.cssSelector("tr[data-state=CALLING]")).getText().contains("Rings upp"));
            await().atMost(Duration.ofSeconds(10)).until(() -> calls().size() == 4);
            assertEquals("+46701740803", MessagingTestSupport.form(calls().get(3).getRequest().getBodyAsString()).get("To"));

            browser.findElement(By.xpath("//button[text()='Avsluta mötet']")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(WebDriverException.class)
                    .until(() -> browser.findElement(By.cssSelector("main [role=status]")).getText().contains("Mötet är avslutat."));
            findings.add(PageChecks.check(browser, URI.create(browser.getCurrentUrl())));
            assertEquals(0, browser.findElements(By.cssSelector("tbody button")).size(), "nobody is called into an ended meeting");
        } finally {
            browser.quit();
        }
        findings.forEach(System.out::println);
        assertTrue(findings.stream().allMatch(PageChecks.Findings::none), () -> findings.toString());
        assertTrue(tooWide.isEmpty(), () -> "Wider than a phone: " + tooWide);
        List.of("+46701740801", "+46701740802", "+46701740803").forEach(MessagingTestSupport::awaitNothingLeftToSendTo);
    }

    private static List<ServeEvent> calls() {
        return FakeProviders.twilio().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().endsWith("/Calls.json"))
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate())).toList();
    }

    private static void fits(WebDriver browser, String what, List<String> tooWide) {
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        long content = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertEquals(PHONE_WIDTH, viewport);
        if (content > viewport) {
            tooWide.add(what + " is " + content + " px wide");
        }
    }
}
