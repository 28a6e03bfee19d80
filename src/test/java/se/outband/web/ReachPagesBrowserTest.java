package se.outband.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import se.outband.Browser;
import se.outband.PageChecks;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * The reach report and the drills page on a 390 px phone in Chromium: the charts are drawn without
 * JavaScript and fit the screen, axe-core finds no WCAG 2.1 A/AA violation and the Nu Html Checker no
 * error; their CSV files download with the web session.
 */
@QuarkusTest
class ReachPagesBrowserTest {

    private static final int PHONE_WIDTH = 390;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void reset() {
        FakeProviders.reset();
    }

    /** A drill to eight people, five reached over a few minutes, one wrong number, two never reported. */
    private static long drill(String group, int minutesLater) {
        long id = MessagingTestSupport.sendOk(Map.of("text", "Övning: svara JA om du nås", "groups", List.of(group), "drill", true,
                "replyOptions", List.of("JA", "NEJ")));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Delivery.count("bulletinId = ?1 and state in ?2", id, List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
        QuarkusTransaction.requiringNew().run(() -> {
            List<Delivery> rows = Delivery.<Delivery>list("bulletinId = ?1 order by id", id);
            for (int i = 0; i < rows.size(); i++) {
                Delivery d = rows.get(i);
                if (i < 5) {
                    d.state = DeliveryState.DELIVERED;
                    d.reachedAt = d.createdAt.plusSeconds(30L + i * 60L * minutesLater);
                } else if (i == 5) {
                    d.state = DeliveryState.FAILED;
                    d.errorCode = "21211";
                }
            }
        });
        return id;
    }

    @Test
    void theReportAndTheDrillsFitAPhoneAndPassTheChecks() throws Exception {
        String group = "rp" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("id,name,mobile,groups,unit\n");
        for (int i = 0; i < 8; i++) {
            csv.append(group).append(i).append(",Person ").append(i).append(",070-73000").append(i).append(i).append(',')
                    .append(group).append(",Enhet ").append(i % 2).append('\n');
        }
        TestApi.asAdmin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge").then().statusCode(200);
        drill(group, 10);
        long id = drill(group, 1);

        TestApi.ensureUser("rapportledare", List.of(Roles.SENDER));
        WebDriver browser = Browser.open(PHONE_WIDTH, 844, true);
        try {
            Browser.signIn(browser, URI.create(base.toString()), "rapportledare");
            for (String page : List.of("app/reports/" + id, "app/reports/drills")) {
                PageChecks.check(browser, URI.create(base + page)).assertNone();
                long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow <= 0, page + " is " + overflow + " px wider than the phone");
                String points = browser.findElement(By.cssSelector("figure.chart svg polyline")).getAttribute("points");
                assertTrue(points.split(" ").length >= 2, page + " draws its chart: " + points);
                assertTrue(browser.findElement(By.cssSelector("figure.chart svg")).getSize().getWidth() <= PHONE_WIDTH, page);
                Browser.screenshot(browser, "reach-" + page.replaceAll("[^a-z0-9]+", "-"));
            }
            Map<String, String> cookies = Map.of("outband-session", browser.manage().getCookieNamed("outband-session").getValue());
            String file = RestAssured.given().cookies(cookies).get("/app/reports/" + id + ".csv").then().statusCode(200).extract().asString();
            assertTrue(file.lines().count() == 9 && file.contains("Inte nådd: Numret finns inte"), file);
            String drills = RestAssured.given().cookies(cookies).get("/app/reports/drills.csv").then().statusCode(200).extract().asString();
            assertTrue(drills.contains(",Övning: svara JA om du nås,8,5,62.5,"), drills);
        } finally {
            browser.quit();
        }
    }
}
