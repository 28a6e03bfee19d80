package se.outband.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.Browser;
import se.outband.FirstStart;
import se.outband.PageChecks;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.MessagingTestSupport;
import se.outband.statuspage.StatusPageFixtures;

/**
 * The leaders' pages as a screen-reader user and a stressed leader meet them, in a real Chromium at 390 px,
 * signed in: each state is checked by axe-core (WCAG 2.1 A/AA) and the Nu Html Checker, and must pass both.
 * In dry run (the first start), where a leader can answer for a recipient.
 */
@QuarkusTest
@TestProfile(FirstStart.class)
class LeaderPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** True when no word in the elements matching arguments[0] is split over two lines. */
    private static final String EVERY_WORD_WHOLE = "return Array.from(document.querySelectorAll(arguments[0])).every(function (cell) {"
            + " var walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node, word, words, range;"
            + " while ((node = walk.nextNode())) { words = /\\S+/g;"
            + "  while ((word = words.exec(node.data))) { range = document.createRange(); range.setStart(node, word.index);"
            + "   range.setEnd(node, word.index + word[0].length); if (range.getClientRects().length > 1) { return false; } } }"
            + " return true; })";

    private WebDriver browser;
    private Map<String, String> cookies;

    @BeforeEach
    void signIn() throws Exception {
        cookies = TestApi.signInToUi("ledare-" + UUID.randomUUID().toString().substring(0, 8),
                List.of(Roles.SENDER, Roles.CONTACTS));
        browser = Browser.open(390, 844, true);
        browser.get(base + "login");
        cookies.forEach((name, value) -> browser.manage().addCookie(new Cookie(name, value, "/")));
    }

    /** Without Chromium there is no browser: the start's own message says why, not a failure to close it. */
    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private void checked(String path) throws Exception {
        PageChecks.check(browser, URI.create(base.toString()).resolve(path)).assertNone();
    }

    /** The page as the browser shows it now (after clicks and scripts), and its HTML as served again. */
    private void checkedAsShown() throws Exception {
        checkedAsShown(given().cookies(cookies).get(URI.create(browser.getCurrentUrl())).then().extract().asString());
    }

    /** The page as the browser shows it now, and {@code served}: the same page as a form's answer, sent again. */
    private void checkedAsShown(String served) {
        assertEquals(List.of(), PageChecks.axe(browser), browser.getCurrentUrl() + ": axe-core");
        assertEquals(List.of(), PageChecks.htmlErrors(served), browser.getCurrentUrl() + ": Nu Html Checker");
    }

    private String posted(String path, Map<String, String> form) {
        return given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParam("csrf", cookies.get("outband-csrf")).formParams(form).post(path).then().statusCode(200).extract().asString();
    }

    @Test
    void theProgressPageUpdatesItsFiguresInPlaceWithoutMovingFocusAndCanBePaused() throws Exception {
        String group = "Beredskap " + UUID.randomUUID().toString().substring(0, 6);
        String id = "p" + UUID.randomUUID().toString().substring(0, 8);
        TestApi.replaceContacts("id,name,mobile,groups\n" + id + "a,Vera Vakt,070-174 06 21," + group + "\n" + id
                + "b,Olle Ort,070-174 06 22,Annan\n");
        long bulletin = MessagingTestSupport.sendOk(Map.of("text", "Kan du komma till stadshuset?", "groups", List.of(group),
                "contactIds", List.of(id + "b"), "replyOptions", List.of("JA", "NEJ")));
        MessagingTestSupport.awaitNothingLeftToSend(bulletin);

        browser.get(base + "app/bulletins/" + bulletin);
        assertTrue(browser.findElements(By.cssSelector("meta[http-equiv=refresh]")).isEmpty(), "no page reload");
        assertEquals("Skickat till", find("#audience").findElement(By.xpath("preceding-sibling::h2[1]")).getText());
        assertTrue(find("#audience").getText().contains("Gruppen: " + group), find("#audience").getText());
        assertTrue(find("#audience").getText().contains("Personen: Olle Ort"), find("#audience").getText());
        assertTrue(find("#live-pause").isDisplayed(), "a visible pause");
        assertEquals("/app/bulletins/" + bulletin, URI.create(find("#live-update").getAttribute("href")).getPath());
        checkedAsShown();

        // A mark the page loses if it is reloaded, and the focus where a keyboard user left it.
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.stillTheSamePage = true; document.getElementById('live-update').focus();");
        simulateReply(bulletin, id + "a", "JA");
        // The script replaces the tally while it is read: a reference to the old one is then stale, not wrong.
        await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500)).ignoreException(StaleElementReferenceException.class)
                .until(() -> find("#tally").getText().contains("JA 1"));
        assertEquals(Boolean.TRUE, js.executeScript("return window.stillTheSamePage === true"), "updated in place");
        assertEquals("live-update", js.executeScript("return document.activeElement.id"), "the focus stays");
        assertTrue(find("#live-state").getText().startsWith("Siffrorna uppdateras med 2 sekunders mellanrum"), find("#live-state").getText());

        Browser.screenshot(browser, "ui-390-bulletin-progress");
        find("#live-pause").click();
        assertEquals("Fortsätt uppdatera", find("#live-pause").getText());
        assertEquals("Uppdateringen är pausad.", find("#live-state").getText());
        simulateReply(bulletin, id + "b", "NEJ");
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> !find("#tally").getText().contains("NEJ 1"));
        find("#live-pause").click();
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> find("#tally").getText().contains("NEJ 1"));
    }

    @Test
    void theEscalationStepsOnTheFormTheProgressPageAndTheReportPassTheChecks() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String group = "Larm " + tag;
        String reserve = "Reserv " + tag;
        TestApi.replaceContacts("id,name,mobile,groups\ne" + tag + "a,Ella Larm,070-174 06 31," + group + "\ne" + tag
                + "b,Rune Reserv,070-174 06 32," + reserve + "\n");
        long bulletin = MessagingTestSupport.sendOk(Map.of("text", "Kan du gå in i beredskap?", "groups", List.of(group), "drill", true,
                "replyOptions", List.of("JA", "NEJ"), "escalation", List.of(Map.of("after", "PT15M", "ifFewerThan", 2, "answered", "JA",
                        "then", Map.of("groups", List.of(reserve), "remindUnanswered", true)))));
        MessagingTestSupport.awaitNothingLeftToSend(bulletin);
        checked("app/bulletins/" + bulletin);
        assertTrue(find("#escalation-steps").getText().contains("Väntar: om"), find("#escalation-steps").getText());
        Browser.screenshot(browser, "ui-390-escalation-progress");
        checked("app/reports/" + bulletin);
        assertTrue(find("#escalation-steps").getText().contains("skicka också till " + reserve), find("#escalation-steps").getText());

        browser.get(base + "app/bulletins/new");
        find("#step-after-0").sendKeys("15");
        find("#step-fewer-0").sendKeys("5");
        find("#step-answered-0").sendKeys("JA");
        find("#step-groups-0").sendKeys(reserve);
        find("#add-step").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("step-after-1")).isEmpty());
        assertEquals("15", find("#step-after-0").getAttribute("value"));
        checkedAsShown(posted("/app/bulletins/change", Map.of("stepAfter", "15", "stepFewer", "5", "stepAnswered", "JA",
                "stepGroups", reserve)));
        assertTrue(((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth")).intValue() <= 390,
                "no sideways scrolling");
    }

    @Test
    void aSimulatedReplySaysItWasRecorded() throws Exception {
        String id = "s" + UUID.randomUUID().toString().substring(0, 8);
        TestApi.replaceContacts("id,name,mobile\n" + id + ",Sara Svar,070-174 06 23\n");
        long bulletin = MessagingTestSupport.sendOk(Map.of("text", "Övning: kan du komma?", "contactIds", List.of(id), "drill", true,
                "replyOptions", List.of("JA", "NEJ")));
        MessagingTestSupport.awaitNothingLeftToSend(bulletin);
        browser.get(base + "app/bulletins/" + bulletin);
        new Select(find("#simulate-who")).selectByVisibleText("Sara Svar");
        find("#simulate-reply button[value=JA]").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("reply-recorded")).isEmpty());
        assertEquals("Svaret från Sara Svar är registrerat som JA och räknas nedan.", find("#reply-recorded").getText());
        checkedAsShown();
    }

    @Test
    void theStatusEditorSaysWhenNoSystemIsListedAddsWorkingSystemsAndAsksBeforeRemovingOne() throws Exception {
        StatusPageFixtures.clear();
        // A change through the API renders the public page again, now with no system on it.
        long temporary = TestApi.as(Roles.SENDER).contentType("application/json").body(Map.of("name", "Tillfälligt", "state", "down"))
                .post("/api/status/services").then().statusCode(201).extract().<Number>path("id").longValue();
        TestApi.as(Roles.SENDER).delete("/api/status/services/" + temporary).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/status/").asString().contains("Inga system är listade ännu"));
        assertTrue(!given().get("/status/").asString().contains("Alla system fungerar"), "nothing claims all is well");
        browser.get(base + "app/");
        assertTrue(find("#no-systems").getText().startsWith("Inga system är listade ännu."), find("#no-systems").getText());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(EVERY_WORD_WHOLE, "main th"),
                "no heading of the start page broken inside a word (\"Senaste fel\" was, at 390 px)");
        checkedAsShown();
        browser.get(base + "app/status");
        assertTrue(find("#no-systems").getText().startsWith("Inga system är listade ännu."), find("#no-systems").getText());
        assertEquals("operational", new Select(find("#new-state")).getFirstSelectedOption().getAttribute("value"));
        checkedAsShown();

        String name = "Växel " + UUID.randomUUID().toString().substring(0, 6);
        find("#new-name").sendKeys(name);
        find("#new-name").submit();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("saved")).isEmpty());
        TestApi.as(Roles.SENDER).get("/api/status/services").then()
                .body("find { it.name == '" + name + "' }.state", org.hamcrest.Matchers.equalTo("operational"));

        Browser.screenshot(browser, "ui-390-status-editor");
        browser.findElement(By.xpath("//button[text()='Ta bort " + name + " från statussidan']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("confirm-delete")).isEmpty());
        assertEquals("Ta bort " + name + "?", find("h1").getText());
        TestApi.as(Roles.SENDER).get("/api/status/services").then().body("name", org.hamcrest.Matchers.hasItem(name));
        checkedAsShown(posted(URI.create(browser.getCurrentUrl()).getPath(), Map.of()));
        Browser.screenshot(browser, "ui-390-status-editor-confirm-removal");
        find("#confirm-delete").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("saved")).isEmpty());
        TestApi.as(Roles.SENDER).get("/api/status/services").then().body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(name)));
    }

    @Test
    void theContactPagesTheImportPreviewAndTheNewBulletinFormPassTheChecksOnAPhone() throws Exception {
        String group = "Stab " + UUID.randomUUID().toString().substring(0, 6);
        TestApi.replaceContacts("id,name,mobile,groups\nk1,Karin Kontakt,070-174 06 24," + group + "\nk2,Kalle Kontakt,070-174 06 25,"
                + group + "\n");
        checked("app/contacts");
        checked("app/contacts?q=zzzingen");
        assertTrue(find("#no-contacts").getText().startsWith("Ingen träff"));
        checked("app/contacts/new");
        find("#id").sendKeys("k3");
        find("#name").sendKeys("Klara Kontakt");
        find("#mobile").sendKeys("70123456");
        find("#name").submit();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector(".error")).isEmpty());
        checkedAsShown(posted("/app/contacts/new", Map.of("id", "k3", "name", "Klara Kontakt", "mobile", "70123456")));

        // An import with errors whose table has long reasons: its headings stay whole words at 390 px.
        String csv = "id,name,mobile,groups\nk1,Karin Kontakt,070-174 06 24," + group + "\nk4,,070\nk 5,Kim Kort,inte-ett-nummer\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("personal", ".csv");
        java.nio.file.Files.writeString(file, csv);
        browser.get(base + "app/contacts/import");
        find("#file").sendKeys(file.toAbsolutePath().toString());
        find("#import-preview").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("rejected")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(Boolean.TRUE, js.executeScript("return Array.from(document.querySelectorAll('#rejected th')).every(function (th) {"
                + " var r = document.createRange(); r.selectNodeContents(th); return r.getClientRects().length === 1; })"),
                "each heading of the error table on one line");
        assertTrue(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue() <= 390, "no sideways scrolling");
        Browser.screenshot(browser, "ui-390-import-preview");
        String served = given().cookies(cookies).header("Sec-Fetch-Site", "same-origin").multiPart("csrf", cookies.get("outband-csrf"))
                .multiPart("file", "personal.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/app/contacts/import/preview").then().statusCode(200).extract().asString();
        checkedAsShown(served);

        checked("app/bulletins/new");
        assertEquals(find("#replyOptions").getSize().getHeight(), find("#find").getSize().getHeight(),
                "the person search field is as tall as the other fields");
    }

    @Test
    void theCallListPrintsOnA4At100PercentAndHasAPrintButton() throws Exception {
        String group = "Ringlista " + UUID.randomUUID().toString().substring(0, 6);
        TestApi.replaceContacts("id,name,mobile,email,groups,title,unit\nl1,Lena Långnamn-Svensson,070-174 06 26,"
                + "lena.langnamn-svensson.verksamhetsutveckling@exempelby-kommun.example.se," + group
                + ",Verksamhetsutvecklingssamordnare,Socialförvaltningens myndighetsavdelning\nl2,Bo Berg,070-174 06 27,,"
                + group + ",,\n");
        checked("app/contacts/print?group=" + java.net.URLEncoder.encode(group, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(find("#print").isDisplayed(), "a print button");
        // A4 less the page margins (210 mm - 2 × 12 mm) is 703 CSS pixels: printed wider, the browser shrinks the page.
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 703, "height", 1000, "deviceScaleFactor", 1,
                "mobile", false));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Number width = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number table = (Number) js.executeScript("return document.querySelector('.call-list table').getBoundingClientRect().width");
        assertTrue(width.intValue() <= 703 && table.doubleValue() <= 703, "printed width " + width + ", table " + table);
    }

    @Test
    void theAdministrationPageAndTheEnglishFormPassTheChecks() throws Exception {
        browser.manage().deleteAllCookies();
        cookies = TestApi.signInToUi("admin-" + UUID.randomUUID().toString().substring(0, 8), List.of(Roles.ADMIN));
        cookies.forEach((name, value) -> browser.manage().addCookie(new Cookie(name, value, "/")));
        checked("app/admin");
        assertTrue(find("main").getText().contains("Nytt lösenord (lämna tomt för att behålla det)"), "no account is ever locked");
        browser.manage().addCookie(new Cookie("outband-lang", "en", "/"));
        checked("app/bulletins/new");
        assertTrue(find("main").getText().contains("Swedish for \"EXERCISE:\""), "ÖVNING: explained in English");
    }

    /** The pages no item above changed, in Swedish as an administrator sees them: the checkers hold for them too. */
    @Test
    void everyOtherLeaderPagePassesTheChecks() throws Exception {
        browser.manage().deleteAllCookies();
        cookies = TestApi.signInToUi("admin-" + UUID.randomUUID().toString().substring(0, 8), List.of(Roles.ADMIN));
        cookies.forEach((name, value) -> browser.manage().addCookie(new Cookie(name, value, "/")));
        for (String page : List.of("app/", "app/bulletins", "app/status", "app/templates", "app/planned", "app/backups", "app/account",
                "app/reports/drills", "app/no-such-page")) {
            checked(page);
        }
    }

    private void simulateReply(long bulletin, String contactId, String answer) {
        given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParams(Map.of("csrf", cookies.get("outband-csrf"), "contactId", contactId, "answer", answer))
                .post("/app/bulletins/" + bulletin + "/simulated-reply").then().statusCode(303);
    }
}
