package se.outband.statuspage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import se.outband.TestApi;
import se.outband.access.Roles;

/**
 * What the public meets at addresses that are not quite the status page: a folder without its slash is sent
 * to the slash form, an address no page has gets a page saying so in Swedish and English, and only the
 * leaders' areas (/app, /api, /q) ever ask for credentials.
 */
@QuarkusTest
class PublicAddressesTest {

    @Inject
    StatusSite site;

    @Test
    void everyFolderWithoutItsSlashIsSentToTheSlashFormSoItsRelativeLinksResolve() {
        site.render();
        given().redirects().follow(false).get("/status/en").then().statusCode(301)
                .header("Location", "/status/en/").header("WWW-Authenticate", nullValue());
        given().redirects().follow(false).get("/status").then().statusCode(301).header("Location", "/status/");
        // A forged Host cannot move the redirect elsewhere: the Location is a path, built from the folder found.
        given().redirects().follow(false).header("Host", "evil.example").get("/status/en").then()
                .header("Location", "/status/en/");

        // Followed, the English page's links lead to pages, never to the password box.
        Response english = given().get("/status/en");
        english.then().statusCode(200);
        Document page = Jsoup.parse(english.asString(), "http://localhost/status/en/");
        for (String link : page.select("a[href]:not(a.sign-in)").eachAttr("abs:href")) {
            if (!link.startsWith("http://localhost/")) {
                continue;
            }
            String path = link.substring("http://localhost".length()).replaceAll("#.*", "");
            given().redirects().follow(false).get(path).then().statusCode(200).header("WWW-Authenticate", nullValue());
        }

        // A folder without a page of its own has nothing to send anyone to.
        given().redirects().follow(false).get("/status/en/incidents").then().statusCode(404);
        given().redirects().follow(false).get("/status/index.html/").then().statusCode(404);
    }

    @Test
    void anAddressNoPageHasGetsAPageInSwedishAndEnglishLinkingToTheStatusPage() throws Exception {
        site.render();
        for (String address : List.of("/status/no-such-page.html", "/robots.txt", "/Status/", "/statuspage", "/a/b/c.php",
                "/login/nothing", "/webhooks/nothing", "/APP/", "/apix", "/favicon.png")) {
            Response answer = given().redirects().follow(false).get(address);
            answer.then().statusCode(404).contentType(containsString("text/html"))
                    .header("WWW-Authenticate", nullValue())
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
            Document page = Jsoup.parse(answer.asString());
            assertEquals("sv", page.selectFirst("html").attr("lang"), address);
            assertTrue(page.selectFirst("h1").text().startsWith("Sidan finns inte"), address + ": " + page.selectFirst("h1"));
            assertEquals("en", page.selectFirst("section").attr("lang"), address);
            assertEquals("Page not found", page.selectFirst("section h2").text(), address);
            assertEquals("https://outband.test/status/", page.selectFirst("main a").attr("href"), address);
            assertEquals("https://outband.test/status/en/", page.selectFirst("section a").attr("href"), address);
        }
        // The same page is part of the site, for static hosts to show at addresses it does not have.
        assertEquals(given().get("/robots.txt").asString(), Files.readString(site.current().resolve("404.html")));
        // With any credentials, a wrong address is still only that: nothing protected hides behind it.
        TestApi.asAdmin().get("/Api/contacts").then().statusCode(404).body(containsString("Sidan finns inte"));
        TestApi.asAdmin().get("/robots.txt").then().statusCode(404).body(containsString("Sidan finns inte"));
    }

    @Test
    void onlyTheLeadersAreasAskForCredentials() {
        for (String address : List.of("/api/contacts", "/api/no-such-thing", "/api", "/q/metrics", "/q/openapi", "/q/no-such-thing", "/q")) {
            Response answer = given().redirects().follow(false).get(address);
            assertEquals(401, answer.statusCode(), address);
            assertTrue(answer.headers().getValues("WWW-Authenticate").stream().anyMatch(h -> h.startsWith("Basic")), address);
        }
        for (String address : List.of("/app/", "/app/no-such-page", "/app")) {
            given().redirects().follow(false).get(address).then().statusCode(302).header("Location", containsString("/login"));
        }
        given().get("/q/health/live").then().statusCode(200);
        TestApi.asAdmin().get("/api/no-such-thing").then().statusCode(404).contentType(containsString("application/json"))
                .body("error", not(nullValue()));
    }

    /**
     * Every icon and stylesheet comes from Outband itself. Quarkus keeps /assets/ in browsers as immutable
     * for a day: the stylesheet's address carries a hash of its content, so a new version is fetched at once.
     */
    @Test
    void theIconsAndTheStylesheetAreOutbandsOwnAndTheStylesheetsAddressChangesWithItsContent() throws Exception {
        site.render();
        Document login = Jsoup.parse(given().get("/login").then().statusCode(200).extract().asString());
        String stylesheet = login.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(stylesheet.matches("/assets/outband\\.css\\?v=[0-9a-f]{12}"), stylesheet);
        Response css = given().get(stylesheet);
        css.then().statusCode(200).header("Cache-Control", containsString("immutable"));
        byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(css.asByteArray());
        assertEquals(java.util.HexFormat.of().formatHex(sha256).substring(0, 12), stylesheet.substring(stylesheet.indexOf("?v=") + 3),
                "the address is the content's");

        String icon = login.selectFirst("link[rel=icon]").attr("href");
        given().get(icon).then().statusCode(200).contentType(containsString("image/svg+xml"));
        given().get("/favicon.ico").then().statusCode(200).contentType(containsString("icon"));
        for (String page : List.of("/status/", "/status/en/", "/status/poster.html")) {
            String href = Jsoup.parse(given().get(page).asString(), "http://localhost" + page).selectFirst("link[rel=icon]").attr("abs:href");
            given().get(href.substring("http://localhost".length())).then().statusCode(200).contentType(containsString("image/svg+xml"));
        }
        assertTrue(Files.isRegularFile(site.current().resolve("favicon.svg")), "part of the site, for static hosts");
    }

    @Test
    void aSignedInLeaderWhoMistypesUnderAppSeesAPageNotJson() {
        Map<String, String> cookies = TestApi.signInToUi("mistyping-sender", List.of(Roles.SENDER));
        Response answer = given().cookies(cookies).redirects().follow(false).get("/app/bulletins/no-such-page");
        answer.then().statusCode(404).contentType(containsString("text/html"));
        Document page = Jsoup.parse(answer.asString());
        assertTrue(page.selectFirst(".error").text().contains("Det finns ingen sida på den adressen"), page.text());
        assertEquals("/app/", page.selectFirst("main a").attr("href"));
        assertNull(answer.header("WWW-Authenticate"));
    }

    @Test
    void aFormsTargetOpenedDirectlySaysToUseTheButtonOnAPage() {
        Map<String, String> cookies = TestApi.signInToUi("bookmarking-sender", List.of(Roles.SENDER));
        Response answer = given().cookies(cookies).redirects().follow(false).get("/app/account/second-factor");
        answer.then().statusCode(405).contentType(containsString("text/html"));
        Document page = Jsoup.parse(answer.asString());
        assertTrue(page.selectFirst(".error").text().contains("Den här sidan öppnas med en knapp i Outband"), page.text());
        // The API keeps its JSON.
        TestApi.as(Roles.SENDER).delete("/api/bulletins").then().statusCode(405).contentType(containsString("application/json"));
    }
}
