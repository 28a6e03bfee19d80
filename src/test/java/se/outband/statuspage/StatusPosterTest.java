package se.outband.statuspage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import se.outband.TestFolders;
import se.outband.Browser;
import se.outband.QrImages;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.common.Language;
import se.outband.common.QrCodes;
import se.outband.statuspage.SiteModel.Contact;
import se.outband.statuspage.SiteModel.Poster;

/** The printable poster: part of the static site, its QR code leads to the configured public address. */
@QuarkusTest
@TestProfile(StatusPosterTest.PublishedElsewhere.class)
class StatusPosterTest {

    static final String PUBLIC_URL = "https://status.exempelby.example/kris/";
    static final String ORGANISATION = "<script>alert('org')</script> Exempelby & \"Söderby\" kommun";
    static final String HOTLINE = "<b onmouseover=alert(1)>0520-49 70 00</b>";
    static final String ADDRESS = "Stadshuset, Torget 1 <img src=https://evil.example/x.png>";

    /** The page is copied to a static host, and the organisation's name and contacts are as hostile as settings get. */
    public static class PublishedElsewhere implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outband.status.public-url", PUBLIC_URL,
                    "outband.status.organisation", ORGANISATION,
                    "outband.status.contact.hotline", HOTLINE,
                    "outband.status.contact.address", ADDRESS);
        }
    }

    @Inject
    StatusSite site;

    @Inject
    ObjectMapper json;

    @Test
    void thePosterCarriesTheQrCodeOfThePublicAddressHowToReachUsAndBothLanguages() throws Exception {
        Path dir = site.render();
        Document poster = Jsoup.parse(Files.readString(dir.resolve("poster.html")));

        assertEquals(PUBLIC_URL, QrImages.decode(poster.selectFirst(".qr svg")), "what a phone reads from the printed code");
        assertEquals(PUBLIC_URL, poster.selectFirst(".url").text());
        assertEquals("sv", poster.selectFirst("html").attr("lang"));
        assertEquals(ORGANISATION, poster.selectFirst(".org").text());
        assertEquals("Läget just nu Current status", poster.selectFirst("h1").text());
        assertEquals("en", poster.selectFirst("h1 .en").attr("lang"));
        String text = poster.body().text();
        assertTrue(text.indexOf("Skanna koden") < text.indexOf("Scan the code"), "Swedish first, English second: " + text);
        Element contact = poster.selectFirst(".contact");
        assertEquals("Så når du oss · How to reach us", contact.selectFirst("h2").text());
        assertEquals(List.of("Telefon · Phone", "SMS", "Besöksadress · Visiting address"), contact.select("dt").eachText());
        assertEquals(List.of(HOTLINE, "072-500 00 00", ADDRESS), contact.select("dd").eachText(), "shown as text, never as markup");

        // The hostile hotline is no number a phone can dial: text, not a tel: link; the SMS number is one.
        assertEquals(List.of("sms:+46725000000"), contact.select("dd a").eachAttr("href"));
        assertTrue(poster.select("script, img, b, iframe, object, [src]").isEmpty(),
                "nothing runs or loads: " + poster.select("script, img, b, [src]"));
        assertEquals(List.of("favicon.svg"), poster.select("link").eachAttr("href"), "the site's own icon, nothing else");
        // The only links besides tel:/sms: lead to the accessibility statement, on screen only (the hint is not printed).
        assertEquals(List.of("accessibility.html", "en/accessibility.html"), poster.select(".hint a").eachAttr("href"));
        assertEquals(2, poster.select("a:not([href^=tel:]):not([href^=sms:])").size());
        String style = poster.selectFirst("head style").data();
        assertTrue(style.contains("@page{size:A4"), style);
        assertTrue(style.contains("@media print{\n.hint{display:none}"), "the screen-only hint is not printed");
    }

    /**
     * One A4 sheet whatever the settings hold: printed by Chromium (with Debian's fonts) with every field
     * filled in, as long as anyone would write them, and then longer still.
     */
    @Test
    void thePosterFitsOneA4SheetWhateverIsFilledIn() throws Exception {
        site.render();
        StatusPageMessages sv = Language.SV.messages(StatusPageMessages.class);
        StatusPageMessages en = Language.EN.messages(StatusPageMessages.class);
        String url = "https://status.exempelby-kommun.example/krisinformation/driftstatus/";
        List<Contact> contacts = List.of(
                new Contact("0520-49 70 00", "072-500 00 00", "Stadshuset, Torget 1", "+46520497000", "+46725000000"),
                new Contact("0520-49 70 00 (dygnet runt, även helger)", "072-500 00 00 (skriv PRENUMERERA)",
                        "Stadshuset, Torget 1, 462 80 Exempelby, ingång från parkeringen bakom biblioteket", "+46520497000", "+46725000000"),
                new Contact("0520-49 70 00 ".repeat(8), "072-500 00 00 ".repeat(8), "Stadshuset, Torget 1, 462 80 Exempelby. ".repeat(12),
                        null, null));
        List<String> organisations = List.of("Exempelby kommun", "Exempelby kommun – krisledningsnämnden och räddningstjänsten",
                "Exempelby kommun ".repeat(12));
        Path folder = Files.createTempDirectory(site.current().getParent(), "posters-");
        WebDriver browser = Browser.open(1024, 800, true);
        try {
            for (int i = 0; i < contacts.size(); i++) {
                Poster poster = new Poster(organisations.get(i), url, QrCodes.svg(url, sv.posterQr(url)), contacts.get(i));
                Path file = folder.resolve("poster-" + i + ".html");
                Files.writeString(file, StatusPoster.Templates.poster(poster, sv, en).render());
                browser.get(file.toUri().toString());
                int pages = pages(browser);
                assertEquals(1, pages, "poster " + i + " printed on " + pages + " A4 sheets");
            }
            // What Outband publishes, as a leader prints it from the site.
            browser.get(site.current().resolve("poster.html").toUri().toString());
            assertEquals(1, pages(browser));
        } finally {
            browser.quit();
        }
    }

    /** The number of A4 pages Chromium prints the page on. */
    static int pages(WebDriver browser) {
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(PageSize.ISO_A4);
        a4.setBackground(true);
        String pdf = new String(Base64.getDecoder().decode(((PrintsPage) browser).print(a4).getContent()),
                StandardCharsets.ISO_8859_1);
        return (int) Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(pdf).results().count();
    }

    @Test
    void onAPhoneThePosterIsNoWiderThan320PixelsAndTheHotlineIsATelLink() throws Exception {
        StatusPageMessages sv = Language.SV.messages(StatusPageMessages.class);
        String url = "https://status.exempelby-kommun.example/krisinformation/";
        Poster poster = new Poster("Exempelby kommun", url, QrCodes.svg(url, sv.posterQr(url)),
                new Contact("0520-49 70 00", "072-500 00 00", "Stadshuset, Torget 1", "+46520497000", "+46725000000"));
        Path file = Files.createTempDirectory(site.current().getParent(), "posters-").resolve("poster.html");
        Files.writeString(file, StatusPoster.Templates.poster(poster, sv, Language.EN.messages(StatusPageMessages.class)).render());
        Document html = Jsoup.parse(Files.readString(file));
        assertEquals("tel:+46520497000", html.selectFirst(".contact dd a").attr("href"));
        assertEquals("0520-49 70 00", html.selectFirst(".contact dd a").text());

        WebDriver browser = Browser.open(320, 700, true);
        try {
            browser.get(file.toUri().toString());
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long width = (Long) js.executeScript("return document.documentElement.scrollWidth");
            long qr = ((Number) js.executeScript("return document.querySelector('.qr svg').getBoundingClientRect().width")).longValue();
            Browser.screenshot(browser, "poster-320");
            assertTrue(width <= 320, "the poster scrolls sideways on a 320 px phone: " + width);
            assertTrue(qr <= 320 && qr >= 200, "the QR code shrinks to the screen, and stays readable: " + qr);
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePosterIsServedAndPublishedWithTheRestOfTheSiteWhichLinksToThePublicAddress() throws Exception {
        Path dir = site.render();
        String served = given().get("/status/poster.html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertEquals(Files.readString(dir.resolve("poster.html")), served);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isRegularFile(TestFolders.ownFolder().resolve("published/poster.html"))
                && Files.readString(TestFolders.ownFolder().resolve("published/poster.html")).equals(served));

        assertEquals(PUBLIC_URL, json.readTree(Files.readString(dir.resolve("status.json"))).at("/page/url").asText());
        String name = "Telefoni " + UUID.randomUUID();
        long incident = TestApi.as(Roles.SENDER).contentType("application/json")
                .body(Map.of("title", name, "text", "Ligger nere."))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(given().get("/status/feed.atom").then().statusCode(200).extract().asString()));
        assertEquals(List.of(PUBLIC_URL), feed.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).map(SyndLink::getHref).toList(),
                "the feed links to where the public reads the page");
        assertEquals(PUBLIC_URL + "incidents/" + incident + ".html", feed.getEntries().get(0).getLink());
    }

    @Test
    void aLeaderFindsThePosterInTheStatusEditor() {
        Map<String, String> cookies = TestApi.signInToUi("poster-" + UUID.randomUUID().toString().substring(0, 8), List.of(Roles.SENDER));
        Document editor = Jsoup.parse(given().cookies(cookies).get("/app/status").then().statusCode(200).extract().asString());
        Element link = editor.selectFirst("a#poster");
        assertEquals("/status/poster.html", link.attr("href"));
        assertEquals("Skriv ut affisch", link.text());
        given().get(link.attr("href")).then().statusCode(200);
    }
}
