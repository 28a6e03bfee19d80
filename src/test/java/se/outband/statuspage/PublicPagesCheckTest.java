package se.outband.statuspage;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.statuspage.StatusPageTest.incident;
import static se.outband.statuspage.StatusPageTest.system;
import static se.outband.statuspage.StatusPageTest.update;
import static se.outband.TestApi.as;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.Browser;
import se.outband.PageChecks;
import se.outband.access.Roles;
import se.outband.subscriptions.EmailSubscriber;

/**
 * Every page the public can open passes axe-core's WCAG 2.1 A/AA rules and the Nu Html Checker, with real
 * content on it: the status page in both languages, an incident, the history, the page for an address that
 * does not exist, the accessibility statement, the poster, the leaders' sign-in and the email subscription's pages
 * (confirm, unsubscribe, a link that has expired).
 */
@QuarkusTest
class PublicPagesCheckTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyPublicPagePassesAxeAndTheHtmlChecker() throws Exception {
        StatusPageFixtures.clear();
        long mail = system("E-post", "down", 2, "Krypterad av angriparen.\nAnvänd SMS och telefon.");
        long phone = system("IP-telefoni och växel", "restoring", 1, null);
        system("Lönesystem", "operational", 3, null);
        long open = incident("IT-attack: e-post och telefoni nere", "Kommunens IT-system är utslagna sedan i natt.",
                List.of(mail, phone));
        update(open, "Växeln återställs först, därefter e-posten.", "identified");
        // English versions for some texts only: the English pages then mix English with Swedish marked as such.
        long resolved = as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("title", "Långsam webbplats", "text", "Webbplatsen svarar långsamt.", "titleEn", "Slow website"))
                .post("/api/status/incidents").then().statusCode(201).extract().<Number>path("id").longValue();
        update(resolved, "Webbplatsen fungerar igen.", "resolved");

        List<String> pages = List.of("status/", "status/en/", "status/incidents/" + open + ".html",
                "status/en/incidents/" + open + ".html", "status/en/incidents/" + resolved + ".html", "status/history.html",
                "status/en/history.html",
                "status/no-such-page.html", "robots.txt", "status/accessibility.html", "status/en/accessibility.html",
                "status/poster.html", "login");
        List<String> subscription = subscriptionPages();
        WebDriver browser = Browser.open(1024, 800, true);
        List<PageChecks.Findings> all = new ArrayList<>();
        try {
            for (String page : java.util.stream.Stream.concat(pages.stream(), subscription.stream()).toList()) {
                all.add(PageChecks.check(browser, URI.create(root.toString()).resolve(page)));
            }
        } finally {
            browser.quit();
        }
        QuarkusTransaction.requiringNew().run(() -> EmailSubscriber.delete("email like ?1", "pagecheck-%"));
        all.forEach(System.out::println);
        List<PageChecks.Findings> failing = all.stream().filter(f -> !f.none()).toList();
        assertTrue(failing.isEmpty(), () -> "pages with problems:\n" + String.join("\n", failing.stream().map(Object::toString).toList()));
    }

    /** A subscriber waiting to confirm, made in the database with tokens this test knows: the pages their links open. */
    private static List<String> subscriptionPages() throws Exception {
        String confirm = "c".repeat(43);
        String stop = UUID.randomUUID().toString().replace("-", "").substring(0, 11) + "s".repeat(32);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(confirm.getBytes(StandardCharsets.UTF_8)));
        QuarkusTransaction.requiringNew().run(() -> {
            EmailSubscriber.delete("email like ?1 or confirmHash = ?2", "pagecheck-%", hash);
            EmailSubscriber subscriber = new EmailSubscriber();
            subscriber.email = "pagecheck-" + stop.substring(0, 11).toLowerCase(java.util.Locale.ROOT) + "@example.net";
            subscriber.language = "sv";
            subscriber.confirmHash = hash;
            subscriber.confirmUntil = Instant.now().plusSeconds(3600);
            subscriber.confirmationsOn = LocalDate.now();
            subscriber.confirmationsSent = 1;
            subscriber.unsubscribeToken = stop;
            subscriber.createdAt = Instant.now();
            subscriber.persist();
        });
        return List.of("subscribe/confirm/" + confirm, "subscribe/stop/" + stop, "subscribe/confirm/" + "x".repeat(43));
    }
}
