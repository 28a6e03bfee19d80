package se.outband.statuspage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import se.outband.QrImages;
import se.outband.TestApi;
import se.outband.access.Roles;

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

        assertTrue(poster.select("script, img, b, link, iframe, object, a, [src], [href]").isEmpty(),
                "nothing runs, loads or links: " + poster.select("script, img, b, link, a, [src], [href]"));
        String style = poster.selectFirst("head style").data();
        assertTrue(style.contains("@page{size:A4"), style);
        assertTrue(style.contains("@media print{.hint{display:none}}"), "the screen-only hint is not printed");
    }

    @Test
    void thePosterIsServedAndPublishedWithTheRestOfTheSiteWhichLinksToThePublicAddress() throws Exception {
        Path dir = site.render();
        String served = given().get("/status/poster.html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertEquals(Files.readString(dir.resolve("poster.html")), served);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isRegularFile(Path.of("target/published/poster.html"))
                && Files.readString(Path.of("target/published/poster.html")).equals(served));

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
