package se.outband.checks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * A check of 500 people (or {@code -Dtest.check-people=N}: 20,000 was tried) sends 500 different links, each
 * to its own person, through the real outbox to Twilio's fake; the time to start it is printed. Kept small in
 * the suite, which runs it twice (H2 and PostgreSQL): distinct links need no thousands to show.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class ContactCheckScaleTest {

    private static final Pattern LINK = Pattern.compile("https://outband\\.test/self/([A-Za-z0-9_-]{43})");

    @Test
    void aCheckOfTwoThousandPeopleSendsTwoThousandLinks() {
        FakeProviders.reset();
        int people = Integer.getInteger("test.check-people", 500);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String group = "Alla" + unique;
        StringBuilder csv = new StringBuilder("id,name,mobile,groups,unit\n");
        for (int i = 0; i < people; i++) {
            csv.append("s").append(unique).append('-').append(i).append(",Person ").append(i).append(",+4670")
                    .append(String.format("%07d", i)).append(',').append(group).append(",Enhet ").append(i % 40).append('\n');
        }
        asAdmin().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8)).post("/api/contacts/import?mode=merge")
                .then().statusCode(200);

        long began = System.nanoTime();
        long id = as(Roles.CONTACTS).contentType(ContentType.JSON)
                .body(Map.of("groups", List.of(group), "deadline", LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(30).toString()))
                .post("/api/contact-checks").then().statusCode(201).extract().<Number>path("id").longValue();
        long startMillis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("Started a contact check of %d people in %d ms%n", people, startMillis);

        await().atMost(Duration.ofSeconds(Math.max(60, people / 20))).pollInterval(Duration.ofMillis(500))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
        long sentMillis = (System.nanoTime() - began) / 1_000_000;
        Set<String> links = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (Map<String, String> sms : MessagingTestSupport.smsRequests()) {
            Matcher link = LINK.matcher(sms.get("Body"));
            if (link.find()) {
                links.add(link.group(1));
                numbers.add(sms.get("To"));
            }
        }
        System.out.printf("All %d links were with Twilio's fake %d ms after the start%n", links.size(), sentMillis);
        assertEquals(people, links.size(), "a link of their own each");
        assertEquals(people, numbers.size());
        Map<String, Object> figures = as(Roles.CONTACTS).get("/api/contact-checks/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertEquals(people, figures.get("sent"));
        assertEquals(people, figures.get("unanswered"));
    }
}
