package se.outband.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.statuspage.StatusPageTest.incident;
import static se.outband.statuspage.StatusPageTest.system;
import static se.outband.statuspage.StatusPageTest.update;

import java.net.URL;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import se.outband.Browser;

/** What a member of staff sees on a phone with JavaScript off, from Outband and straight from the files. */
@QuarkusTest
class StatusPageBrowserTest {

    @TestHTTPResource("/status/")
    URL statusPage;

    @Inject
    StatusSite site;

    @Test
    void aPhoneWithoutJavaScriptShowsTheStatusFromOutbandAndFromTheFilesAlone() throws Exception {
        StatusPageFixtures.clear();
        long mail = system("E-post", "down", 2, "Krypterad av angriparen. Använd SMS och telefon.");
        long phone = system("IP-telefoni och växel", "restoring", 1, null);
        system("Lönesystem", "operational", 3, null);
        long id = incident("IT-attack: e-post och telefoni nere", "Kommunens IT-system är utslagna sedan i natt.",
                List.of(mail, phone));
        update(id, "Växeln återställs först, därefter e-posten. Lön betalas ut som vanligt.", "identified");

        WebDriver browser = Browser.open(360, 800, false);
        try {
            browser.get(statusPage.toString());
            String served = read(browser);
            Browser.screenshot(browser, "status-page-phone");
            assertEquals("Störning: system ligger nere", browser.findElement(By.cssSelector(".banner")).getText());
            assertEquals(List.of("IP-telefoni och växel", "E-post", "Lönesystem"),
                    browser.findElements(By.cssSelector(".systems .name")).stream().map(WebElement::getText).toList());
            assertTrue(served.contains("Växeln återställs först"), served);
            assertTrue(served.contains("0520-49 70 00"), "how to reach us");
            long pageWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth");
            assertTrue(pageWidth <= 360, "no sideways scrolling on a 360 px phone: " + pageWidth);

            browser.findElement(By.linkText("In English")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBe(By.cssSelector(".banner"), "Disruption: systems are down"));
            Browser.screenshot(browser, "status-page-phone-en");

            // The folder alone, as a static host or a USB stick would serve it: Outband is not involved.
            Path index = site.current().toRealPath().resolve("index.html");
            browser.get(index.toUri().toString());
            assertEquals(served, read(browser));
            browser.findElement(By.linkText("IT-attack: e-post och telefoni nere")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/incidents/"));
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("IT-attack"));
            Browser.screenshot(browser, "status-page-from-files");
        } finally {
            browser.quit();
        }
    }

    private static String read(WebDriver browser) {
        return browser.findElement(By.tagName("main")).getText();
    }
}
