package se.outband.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;

/**
 * A request of the wrong shape is refused by the constraints on its record, with a sentence in the
 * caller's language: Accept-Language for the API, the language chosen in the web UI for its forms
 * (whatever the phone's own language), and nothing is stored.
 */
@QuarkusTest
class RequestValidationTest {

    private static final List<String> TOO_MANY_PEOPLE = IntStream.range(0, 5001).mapToObj(i -> "id" + i).toList();

    @Test
    void theApiAnswersInTheCallersLanguage() {
        TestApi.as(Roles.SENDER).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("text", "Hej", "contactIds", TOO_MANY_PEOPLE)).post("/api/bulletins")
                .then().statusCode(400).body("error", containsString("Choose groups instead of single people"));
        TestApi.as(Roles.SENDER).contentType(ContentType.JSON).header("Accept-Language", "sv-SE,en;q=0.5")
                .body(Map.of("text", "Hej", "contactIds", TOO_MANY_PEOPLE)).post("/api/bulletins")
                .then().statusCode(400).body("error", containsString("Välj grupper i stället för enskilda personer"));
    }

    @Test
    void everyListAndStringInABodyIsBounded() {
        TestApi.as(Roles.SENDER).contentType(ContentType.JSON)
                .body(Map.of("text", "Hej", "groups", List.of("Krisledning"), "replyOptions", IntStream.range(0, 10).mapToObj(i -> "S" + i).toList()))
                .post("/api/bulletins").then().statusCode(400).body("error", containsString("Högst 9 svarsalternativ"));
        TestApi.as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("text", "x".repeat(1601), "groups", List.of("Krisledning")))
                .post("/api/bulletins").then().statusCode(400).body("error", containsString("högst 1600 tecken"));
        TestApi.as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("name", "System " + System.nanoTime(), "priority", 0))
                .post("/api/status/services").then().statusCode(400).body("error", containsString("Prioriteten måste vara 1 eller högre"));
        TestApi.asAdmin().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("name", "n".repeat(101), "roles", List.of("sender")))
                .post("/api/tokens").then().statusCode(400).body("error", containsString("at most 100 characters"));
    }

    @Test
    void aFormInTheWebUiIsAnsweredInItsOwnLanguageBesideTheForm() {
        Map<String, String> cookies = TestApi.signInToUi("validation-leader", List.of(Roles.SENDER));
        String page = given().cookies(cookies).header("Sec-Fetch-Site", "same-origin").header("Accept-Language", "en-US,en;q=0.9")
                .formParams(Map.of("csrf", cookies.get("outband-csrf"), "text", "x".repeat(1601), "channels", "sms-then-email"))
                .post("/app/bulletins/preview").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(page, containsString("Meddelandet är för långt: högst 1600 tecken"));
        org.hamcrest.MatcherAssert.assertThat(page, not(containsString("The message is too long")));
    }
}
