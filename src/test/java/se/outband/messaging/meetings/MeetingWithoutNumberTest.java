package se.outband.messaging.meetings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.bulletins.OneWaySenderTest;

/** Twilio sends SMS from a name and no number is set to call from or into (issue 28, item 4): the feature says so and stores nothing. */
@QuarkusTest
@TestProfile(OneWaySenderTest.AlphanumericSender.class)
class MeetingWithoutNumberTest {

    private static final String NO_NUMBER = "Outband har inget telefonnummer att ringa från eller att ringa in till. "
            + "Ange outband.voice.from med ett Twilio-nummer.";

    @Test
    void withoutANumberToCallFromOrIntoAMeetingIsRefusedInWordsAndThePageSaysSo() {
        String group = "Krisledning" + UUID.randomUUID().toString().substring(0, 6);
        replaceContacts("id,name,mobile,groups\nnn1,Nora Nummerlös,070-174 09 01," + group + "\n");
        int before = as(Roles.SENDER).get("/api/meetings").then().statusCode(200).extract().jsonPath().getList("$").size();

        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("groups", List.of(group))).post("/api/meetings").then()
                .statusCode(409).body("error", equalTo(NO_NUMBER));
        assertEquals(before, as(Roles.SENDER).get("/api/meetings").then().statusCode(200).extract().jsonPath().getList("$").size(),
                "no meeting stored");

        Map<String, String> cookies = TestApi.signInToUi("utan-nummer", List.of(Roles.SENDER));
        String page = given().cookies(cookies).get("/app/meetings").then().statusCode(200).extract().asString();
        assertEquals(NO_NUMBER, Jsoup.parse(page).selectFirst("p.notice[role=status]").text());
    }
}
