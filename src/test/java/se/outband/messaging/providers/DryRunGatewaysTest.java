package se.outband.messaging.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.MessagingTestSupport.CONTACTS;
import static se.outband.messaging.MessagingTestSupport.awaitDeliveries;
import static se.outband.messaging.MessagingTestSupport.inState;
import static se.outband.messaging.MessagingTestSupport.sendOk;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.FirstStart;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.MessagingTestSupport;

/** The embedded defaults: nothing leaves the machine, everything says so, and the demo still shows progress. */
@QuarkusTest
@TestProfile(FirstStart.class)
class DryRunGatewaysTest {

    @Test
    void dryRunMarksEverythingDeliveredAndSaysItWasADryRun() {
        replaceContacts(CONTACTS);
        long id = sendOk(Map.of("text", "Provkörning", "groups", List.of("HR", "Krisledning")));
        List<Map<String, Object>> deliveries = awaitDeliveries(id, inState("DELIVERED"));
        assertEquals(4, deliveries.size());
        assertTrue(deliveries.stream().allMatch(d -> String.valueOf(d.get("providerId")).startsWith("dry-run-")), deliveries::toString);
        as(Roles.SENDER).get("/api/bulletins/" + id).then()
                .body("percentReached", equalTo(100))
                .body("providers.sms", equalTo("dry-run"))
                .body("providers.email", equalTo("dry-run"))
                .body("dryRunNotice", containsString("Provkörning"));
    }

    @Test
    void aDrillsReplyLoopIsPractisedWithSimulatedAnswers() {
        replaceContacts(CONTACTS);
        long id = sendOk(Map.of("text", "Övning: kan du komma?", "groups", List.of("HR"), "drill", true,
                "replyOptions", List.of("JA", "NEJ")));
        Map<String, String> cookies = TestApi.signInToUi("ovningsledare", List.of(Roles.SENDER));
        String page = given().cookies(cookies).get("/app/bulletins/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"simulate-reply\""), "the practice form is offered in dry-run mode");
        String contactId = (String) MessagingTestSupport.deliveries(id).get(0).get("contactId");

        given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParams(Map.of("csrf", cookies.get("outband-csrf"), "contactId", contactId, "answer", "JA"))
                .post("/app/bulletins/" + id + "/simulated-reply").then().statusCode(303);

        as(Roles.SENDER).get("/api/bulletins/" + id + "/replies").then().statusCode(200)
                .body("tally.answers.JA", equalTo(1))
                .body("replies[0].simulated", equalTo(true))
                .body("replies[0].contactId", equalTo(contactId));
        assertTrue(given().cookies(cookies).get("/app/bulletins/" + id).asString().contains("simulerat"), "marked on the page");
        TestApi.asAdmin().get("/api/audit?size=5").then().body("entries.action", hasItem("reply.simulated"));
    }
}
