package se.outband.statuspage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The accessibility statement the law asks of a public sector site, in Swedish and English, rendered with
 * the site (so every copy of it carries it) and linked from every page.
 */
@QuarkusTest
@TestProfile(AccessibilityStatementTest.WithContact.class)
class AccessibilityStatementTest {

    static final String CONTACT = "tillganglighet@exempelby.example";

    public static class WithContact implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outband.status.accessibility-contact", CONTACT);
        }
    }

    @Inject
    StatusSite site;

    @Test
    void theStatementSaysTheStandardTheShortcomingsWhereToReportAndLinksToTheSupervisoryAuthority() throws Exception {
        site.render();
        Document sv = Jsoup.parse(given().get("/status/accessibility.html").then().statusCode(200).extract().asString());
        assertEquals("sv", sv.selectFirst("html").attr("lang"));
        assertEquals("Tillgänglighetsredogörelse", sv.selectFirst("h1").text());
        String text = sv.selectFirst("main").text();
        assertTrue(text.contains("EN 301 549") && text.contains("nivå AA i WCAG 2.1"), text);
        assertTrue(text.contains("2018:1937"), "the law it answers to");
        assertTrue(sv.select("main ul.list li").size() >= 2, "known shortcomings are listed");
        Element report = sv.selectFirst("main .report-to a");
        assertEquals("mailto:" + CONTACT, report.attr("href"));
        assertEquals(CONTACT, report.text());
        Element digg = sv.selectFirst("main a.digg");
        assertEquals("https://www.digg.se/tdosanmalan", digg.attr("href"));
        assertEquals("Anmäl bristande tillgänglighet till Digg", digg.text());
        assertTrue(text.contains("Myndigheten för digital förvaltning (Digg)"), text);

        Document en = Jsoup.parse(given().get("/status/en/accessibility.html").then().statusCode(200).extract().asString());
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("Accessibility statement", en.selectFirst("h1").text());
        assertTrue(en.selectFirst("main").text().contains("level AA of WCAG 2.1"), en.text());
        assertEquals("https://www.digg.se/tdosanmalan", en.selectFirst("main a.digg").attr("href"));
        assertEquals("sv", en.selectFirst("main a.digg").attr("hreflang"), "the authority's form is in Swedish");
        assertEquals("mailto:" + CONTACT, en.selectFirst("main .report-to a").attr("href"));
        assertEquals("../accessibility.html", en.selectFirst(".lang a").attr("href"));

        // Part of the site: static hosts and copies on a USB stick carry it too.
        assertEquals(given().get("/status/accessibility.html").asString(), Files.readString(site.current().resolve("accessibility.html")));
    }

    @Test
    void everyPageLinksToTheStatementInItsLanguage() {
        site.render();
        for (String page : List.of("/status/", "/status/history.html", "/status/accessibility.html")) {
            Document doc = Jsoup.parse(given().get(page).asString());
            assertEquals("accessibility.html", doc.selectFirst("footer a.accessibility").attr("href"), page);
            assertEquals("Tillgänglighetsredogörelse", doc.selectFirst("footer a.accessibility").text(), page);
        }
        for (String page : List.of("/status/en/", "/status/en/history.html")) {
            Document doc = Jsoup.parse(given().get(page).asString());
            assertEquals("accessibility.html", doc.selectFirst("footer a.accessibility").attr("href"), page);
            assertEquals("Accessibility statement", doc.selectFirst("footer a.accessibility").text(), page);
        }
        Document notFound = Jsoup.parse(given().get("/status/no-such-page.html").asString());
        assertEquals(List.of("https://outband.test/status/accessibility.html", "https://outband.test/status/en/accessibility.html"),
                notFound.select("footer a").eachAttr("href"));
    }
}
