package se.outband.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.asAdmin;
import static se.outband.messaging.FakeProviders.callAsTwilio;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.Browser;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;

/**
 * The main job on a phone-sized window, as a crisis leader does it: sign in, import the staff list
 * with a preview, write and check a bulletin, send it through the (fake) Twilio, watch it reach
 * everyone and a reply come in, and tell the public status page.
 */
@QuarkusTest
class MainJobBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;
    private int step;

    private void shot(String name) throws Exception {
        Browser.screenshot(browser, "main-job-%02d-%s".formatted(++step, name));
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    /** Waits for an element only the next page has: a click returns before the browser has navigated. */
    private WebElement next(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private void nextUrl(String regex) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(regex));
    }

    @Test
    void aCrisisLeaderDoesTheMainJobOnAPhone() throws Exception {
        TestApi.replaceContacts("id,name,mobile\nx0,Avgången Person,070-174 06 99\n");
        TestApi.ensureUser("krisledare", List.of(Roles.SENDER, Roles.CONTACTS));
        FakeProviders.reset();
        browser = Browser.open(390, 844, true);
        try {
            browser.get(base + "app/");
            assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
            find("#username").sendKeys("krisledare");
            find("#password").sendKeys(TestApi.PASSWORD);
            shot("login");
            find("form button[type=submit]").click();
            nextUrl(".*/app/$");
            assertEquals("Läget just nu", find("h1").getText());
            shot("start");

            browser.findElement(By.linkText("Kontakter")).click();
            browser.findElement(By.linkText("Importera personallista")).click();
            find("#file").sendKeys(Path.of("contacts/example.csv").toAbsolutePath().toString());
            find("input[name=replace]").click();
            find("#import-preview").click();
            next("#import-summary");
            assertTrue(find("#import-summary").getText().contains("42 nya"), find("#import-summary").getText());
            assertTrue(find("#import-summary").getText().contains("1 tas bort"), find("#import-summary").getText());
            assertEquals("Ersätt tar bort 1 person som inte finns i filen ur kontaktlistan.", find("#import-removes").getText());
            assertTrue(find("#import-removed").getText().contains("Avgången Person"), "who will be deleted, by name");
            shot("import-preview");
            find("#import-confirm").click();
            next("#import-done");
            assertTrue(find("#import-done").getText().contains("42 nya"), find("#import-done").getText());
            shot("import-done");

            browser.findElement(By.linkText("Nytt utskick")).click();
            find("input[name=groups][value=Krisledning]").click();
            find("#text").sendKeys("Kommunens e-post och växel ligger nere. Krisledningen samlas i stadshuset kl 14. Kan du komma?");
            find("#replyOptions").sendKeys("JA NEJ");
            await().atMost(Duration.ofSeconds(5)).until(() -> find("#counter").getText().contains("1 SMS per person"));
            assertTrue(find("#counter").getText().contains("tecken"), find("#counter").getText());
            shot("write");
            find("#review").click();
            next("#preview-message");
            assertEquals("Kontrollera innan du skickar", find("h1").getText());
            assertTrue(find("#preview-message").getText().endsWith("Svara: 1 JA, 2 NEJ"), find("#preview-message").getText());
            assertTrue(find("#confirm-counts").getText().startsWith("7 personer får meddelandet: 7 med SMS"),
                    find("#confirm-counts").getText());
            shot("confirm");
            find("#send").click();
            nextUrl(".*/app/bulletins/\\d+$");
            String bulletinUrl = browser.getCurrentUrl();
            long id = Long.parseLong(bulletinUrl.substring(bulletinUrl.lastIndexOf('/') + 1));
            deliverEverySms(id);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                browser.navigate().refresh();
                return find("#progress-text").getText().startsWith("100 %");
            });
            assertEquals("7", find("#count-reached").getText());

            callAsTwilio("/webhooks/twilio/inbound", Map.of("From", "+46701740605", "To", "+46766861004", "Body", "Ja, jag kommer",
                    "MessageSid", "SMreply1", "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(200);
            browser.navigate().refresh();
            assertTrue(find("#replies").getText().contains("Anna Andersson"), find("#replies").getText());
            assertTrue(find("#tally").getText().contains("JA 1"), find("#tally").getText());
            shot("progress-and-reply");

            browser.findElement(By.linkText("Statussida")).click();
            find("#incident-title").sendKeys("E-post och växel nere");
            find("#incident-text").sendKeys("Krisledningen samlas kl 14. Nå kollegor via mobil.");
            find("#incident-text").submit();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "E-post och växel nere"));
            shot("status-editor");
            browser.findElement(By.linkText("Visa den publika statussidan")).click();
            nextUrl(".*/status/$");
            assertTrue(find("main").getText().contains("Krisledningen samlas kl 14. Nå kollegor via mobil."), find("main").getText());
            shot("public-status-page");
        } finally {
            browser.quit();
        }
    }

    /** What Twilio does once the phones have the message: a signed "delivered" report for each. */
    private static void deliverEverySms(long bulletinId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(bulletinId).stream()
                .allMatch(d -> "SENT".equals(d.get("state"))));
        for (Map<String, Object> delivery : deliveries(bulletinId)) {
            callAsTwilio("/webhooks/twilio/status", Map.of("MessageSid", (String) delivery.get("providerId"),
                    "MessageStatus", "delivered", "AccountSid", FakeProviders.ACCOUNT_SID)).statusCode(204);
        }
    }

    private static List<Map<String, Object>> deliveries(long bulletinId) {
        return asAdmin().get("/api/bulletins/" + bulletinId + "/deliveries").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
