package se.outband.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.Browser;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.MessagingTestSupport;

/** Every page a signed-in leader or admin can open fits a 390 px phone, and numbers can be tapped. */
@QuarkusTest
class PhoneLayoutBrowserTest {

    private static final int PHONE_WIDTH = 390;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aLeaderPicksAPersonByNameAsTheyTypeAndSendsToThem() throws Exception {
        TestApi.replaceContacts("id,name,mobile,unit\nv1,Göran Fredriksson,070-174 06 07,Socialförvaltningen\n"
                + "v2,Greta Fredriksson,070-174 06 08,Skolan\n");
        TestApi.ensureUser("telefonledare", List.of(Roles.SENDER));
        WebDriver browser = Browser.open(PHONE_WIDTH, 844, true);
        long sent;
        try {
            Browser.signIn(browser, URI.create(base.toString()), "telefonledare");
            browser.get(base + "app/bulletins/new");
            browser.findElement(By.id("find")).sendKeys("Göran");
            WebElement found = new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#found input[value=v1]")));
            assertTrue(browser.findElement(By.id("found")).getText().contains("Socialförvaltningen"));
            assertTrue(browser.findElements(By.cssSelector("#found input[value=v2]")).isEmpty(), "only Göran matches");
            found.click();
            assertTrue(browser.findElement(By.id("chosen")).getText().contains("Göran Fredriksson"), "shows who was picked");
            browser.findElement(By.id("text")).sendKeys("Kan du komma till stadshuset?");
            browser.findElement(By.id("replyOptions")).sendKeys("JA NEJ");
            browser.findElement(By.id("review")).click();
            WebElement counts = new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("confirm-counts")));
            assertTrue(counts.getText().startsWith("1 person får meddelandet"), counts.getText());
            browser.findElement(By.id("send")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/app/bulletins/\\d+$"));
            sent = Long.parseLong(browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1));

            // The roll-call: who has not answered, by name, a tap away; then a reminder to them.
            WebElement silent = browser.findElement(By.cssSelector(".people"));
            assertTrue(silent.getText().contains("Göran Fredriksson"), silent.getText());
            assertEquals("tel:+46701740607", silent.findElement(By.linkText("070-174 06 07")).getAttribute("href"));
            browser.findElement(By.linkText("Påminn dem som inte svarat")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("who=noreply"));
            assertEquals("JA NEJ", browser.findElement(By.id("replyOptions")).getAttribute("value"), "the reminder keeps its options");
            assertTrue(browser.findElement(By.id("chosen")).getText().contains("Göran Fredriksson"), "named, not numbered");
            assertTrue(browser.findElement(By.id("counter")).getText().contains("högst 0,60 kr"),
                    browser.findElement(By.id("counter")).getText());
        } finally {
            browser.quit();
        }
        MessagingTestSupport.awaitNothingLeftToSend(sent);
    }

    @Test
    void everyPageFitsAPhoneAndNumbersAreTapToCall() throws Exception {
        TestApi.replaceContacts("""
                id,name,mobile,email,groups,title,unit
                tel1,Gunilla Långnamnsdottir-Fredriksson,070-174 06 05,gunilla.langnamnsdottir-fredriksson@exempel-kommun.example.net,Krisledning|Socialförvaltningens beredskapsgrupp,Förvaltningschef för socialförvaltningen,Socialförvaltningen
                tel2,Bo Berg,070-174 06 06,,Krisledning,,
                """);
        long bulletin = TestApi.asAdmin().contentType("application/json")
                .body(Map.of("text", "Alla i krisledningen samlas kl 14 i stadshuset.", "groups", List.of("Krisledning"),
                        "replyOptions", List.of("JA", "NEJ")))
                .post("/api/bulletins").then().statusCode(201).extract().<Number>path("id").longValue();
        TestApi.ensureUser("telefonadmin", List.of(Roles.ADMIN, Roles.SENDER, Roles.CONTACTS));

        WebDriver browser = Browser.open(PHONE_WIDTH, 844, false);
        try {
            Browser.signIn(browser, URI.create(base.toString()), "telefonadmin");
            List<String> tooWide = new ArrayList<>();
            for (String page : List.of("app/", "app/bulletins/new", "app/bulletins/" + bulletin, "app/contacts",
                    "app/contacts/tel1", "app/contacts/import", "app/status", "app/templates", "app/admin", "app/account")) {
                browser.get(base + page);
                long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
                long content = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
                assertEquals(PHONE_WIDTH, viewport, "the phone's viewport is emulated");
                if (content > viewport) {
                    tooWide.add(page + " is " + content + " px wide");
                    Browser.screenshot(browser, "too-wide-" + page.replaceAll("[^a-z0-9]+", "-"));
                }
            }
            assertTrue(tooWide.isEmpty(), () -> "Pages wider than a phone: " + tooWide);

            browser.get(base + "app/contacts");
            assertEquals("tel:+46701740605", browser.findElement(By.linkText("070-174 06 05")).getAttribute("href"));
            browser.get(base + "app/contacts/tel1");
            assertEquals("Ring 070-174 06 05", browser.findElement(By.cssSelector("a[href='tel:+46701740605']")).getText());
            assertEquals("sms:+46701740605", browser.findElement(By.cssSelector("a[href^='sms:']")).getAttribute("href"));
            assertTrue(browser.findElement(By.cssSelector("a[href^='mailto:']")).getAttribute("href")
                    .endsWith("gunilla.langnamnsdottir-fredriksson@exempel-kommun.example.net"));
        } finally {
            browser.quit();
        }
        MessagingTestSupport.awaitNothingLeftToSend(bulletin);
    }
}
