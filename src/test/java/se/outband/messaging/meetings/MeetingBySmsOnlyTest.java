package se.outband.messaging.meetings;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.replaceContacts;
import static se.outband.messaging.meetings.MeetingTest.twiml;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.Fake46elks;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;

/**
 * SMS goes through 46elks alone, so Outband cannot call anyone, but it has a Twilio number people call in on
 * (issue 28, item 4): the meeting is called by SMS with the dial-in number and PIN only, the leader is told
 * nobody is called, and the team joins by dialling in.
 */
@QuarkusTest
@TestProfile(MeetingBySmsOnlyTest.ElksOnly.class)
class MeetingBySmsOnlyTest {

    static final String DIAL_IN = "+46766861004";
    private static final String NO_CALLS = "Outband kan inte ringa upp någon just nu: bara SMS med inringningsnummer och kod skickas.";

    public static class ElksOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outband.voice.from", DIAL_IN);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Fake46elks.class, Map.of("providers", "46elks")));
        }
    }

    @Test
    void withoutCallsTheTeamIsTextedTheDialInAndJoinsWithThePin() {
        String group = "Krisledning" + UUID.randomUUID().toString().substring(0, 6);
        replaceContacts("id,name,mobile,groups\ns0,Sara Sms,070-174 08 10," + group + "\ns1,Sven Sms,070-174 08 11," + group + "\n");
        List<String> numbers = List.of("+46701740810", "+46701740811");
        FakeProviders.reset();
        Fake46elks.reset();

        long id = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("groups", List.of(group))).post("/api/meetings").then()
                .statusCode(201).body("people", equalTo(2)).body("called", equalTo(0)).body("dialIn", equalTo(DIAL_IN))
                .extract().jsonPath().getLong("id");

        await().atMost(Duration.ofSeconds(10)).until(() -> texts().size() == 2);
        Map<String, String> texts = texts();
        assertEquals(numbers, texts.keySet().stream().sorted().toList(), "each of the team is texted once, through 46elks");
        Matcher pin = Pattern.compile("^Krisledningen kallas till telefonmöte\\. Ring \\" + DIAL_IN
                + ", tryck 5 och ange koden ([0-9]{6})\\. Koden gäller i 24 timmar\\.$").matcher(texts.get(numbers.get(0)));
        assertTrue(pin.find(), "the SMS gives the dial-in and PIN and does not promise a call: " + texts.get(numbers.get(0)));
        assertEquals(texts.get(numbers.get(0)), texts.get(numbers.get(1)), "one PIN per meeting");
        assertEquals(0, MessagingTestSupport.callRequests().size(), "nobody is called");
        JsonPath meeting = meeting(id);
        assertFalse(meeting.getBoolean("calls"));
        assertEquals(List.of("NOT_CALLED", "NOT_CALLED"), meeting.getList("people.state"));

        long person = meeting.getLong("people[0].id");
        as(Roles.SENDER).post("/api/meetings/" + id + "/people/" + person + "/call").then().statusCode(409).body("error", equalTo(NO_CALLS));
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("groups", List.of(group))).post("/api/meetings/" + id + "/people")
                .then().statusCode(409).body("error", equalTo(NO_CALLS));
        Map<String, String> cookies = TestApi.signInToUi("sms-motesledare", List.of(Roles.SENDER));
        Document page = Jsoup.parse(given().cookies(cookies).get("/app/meetings/" + id).then().statusCode(200).extract().asString());
        assertEquals(NO_CALLS, page.selectFirst("p.notice[role=status]").text());
        assertTrue(page.select("form[action$=/call]").isEmpty(), "no call-again button where nobody can be called");
        assertTrue(page.select("form[action$=/people]").isEmpty(), "no adding people who could only be called");
        assertEquals(0, MessagingTestSupport.callRequests().size(), "still nobody called");

        // One of the team dials in on the number in the SMS: 5, the PIN, and they are in the meeting.
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Document hotline = twiml("/webhooks/twilio/voice", Map.of("CallSid", callSid, "From", numbers.get(1), "To", DIAL_IN));
        assertTrue(hotline.selectFirst("Gather > Say").text().contains("Tryck 5 för krisledningens möte."), hotline.outerHtml());
        String action = twiml("/webhooks/twilio/voice/menu", Map.of("CallSid", callSid, "From", numbers.get(1), "Digits", "5"))
                .selectFirst("Response > Gather").attr("action");
        Document wrong = twiml(action, Map.of("CallSid", callSid, "From", numbers.get(1), "Digits", MeetingTest.wrongPin(pin.group(1))));
        assertNull(wrong.selectFirst("Dial"), wrong.outerHtml());
        Document joined = twiml(wrong.selectFirst("Gather").attr("action"),
                Map.of("CallSid", callSid, "From", numbers.get(1), "Digits", pin.group(1)));
        assertEquals("outband-meeting-" + id, joined.selectFirst("Response > Dial > Conference").text());

        as(Roles.SENDER).post("/api/meetings/" + id + "/end").then().statusCode(204);
        numbers.forEach(MessagingTestSupport::awaitNothingLeftToSendTo);
    }

    /** What 46elks' fake was asked to send, by number. */
    private static Map<String, String> texts() {
        return Fake46elks.smsRequests().stream().collect(Collectors.toMap(r -> r.get("to"), r -> r.get("message")));
    }

    private static JsonPath meeting(long id) {
        return as(Roles.SENDER).get("/api/meetings/" + id).then().statusCode(200).extract().jsonPath();
    }
}
