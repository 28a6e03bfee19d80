package se.outband.messaging.meetings;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.auditBy;
import static se.outband.TestApi.auditTotal;
import static se.outband.TestApi.replaceContacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.common.TestClock;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.MessagingTestSupport;
import se.outband.messaging.outbox.Delivery;

/**
 * A crisis team's phone meeting end to end: WireMock answers as Twilio's Calls and Conferences APIs (driven by
 * the real SDK), and the calls' TwiML, keypad, call and conference reports come in as Twilio's signed webhooks.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
class MeetingTest {

    private static final Pattern PIN = Pattern.compile("koden ([0-9]{6})");
    private static final Pattern CALL_SID = Pattern.compile("\"sid\": \"(CA[0-9a-fA-F]{32})\"");
    private static final String STRANGER = "+46709998877";

    @Inject
    TestClock clock;

    private String group;
    /** The team's numbers as Twilio writes them, in the contact list's order. */
    private final List<String> numbers = new ArrayList<>();

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @BeforeEach
    void team() {
        group = "Krisledning" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("id,name,mobile,groups\n");
        numbers.clear();
        for (int i = 0; i < 8; i++) {
            csv.append("m").append(i).append(",Person ").append(i).append(",070-174 07 1").append(i).append(',').append(group).append('\n');
            numbers.add("+467017407" + (10 + i));
        }
        csv.append("x1,Utanför Gruppen,070-174 07 30,Annat\n");
        replaceContacts(csv.toString());
        FakeProviders.reset();
    }

    @Test
    void aTeamOfEightIsCalledFiveJoinOneDeclinesTwoAreCalledAgainAndADialInWithTheRightPinJoins() {
        long before = auditTotal();
        JsonPath called = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("groups", List.of(group), "drill", true))
                .post("/api/meetings").then().statusCode(201).body("people", equalTo(8)).body("called", equalTo(8))
                .body("dialIn", equalTo(FakeProviders.SENDER_NUMBER)).extract().jsonPath();
        long id = called.getLong("id");

        Map<String, Call> calls = awaitCalls(8);
        assertEquals(numbers, List.copyOf(calls.keySet()).stream().sorted().toList(), "everyone in the group is called, once");
        Map<String, String> pins = awaitSms();
        String pin = pins.get(numbers.get(0));
        assertTrue(texted(numbers.get(0)).get(0).startsWith("ÖVNING. Krisledningen kallas till telefonmöte. Ring "
                + FakeProviders.SENDER_NUMBER + ", tryck 5 och ange koden " + pin), texted(numbers.get(0)).toString());
        assertEquals(1, pins.values().stream().distinct().count(), "one PIN per meeting");

        // Everyone answers but the last two: the call says "Övning" first and asks for 1 or 2.
        for (String number : numbers.subList(0, 6)) {
            Call call = calls.get(number);
            Document invite = twiml(call.path(), Map.of("CallSid", call.sid(), "To", number, "From", FakeProviders.SENDER_NUMBER));
            Element gather = invite.selectFirst("Response > Gather");
            assertEquals("1", gather.attr("numDigits"));
            assertEquals(call.path() + "/keypad", gather.attr("action"));
            Element say = gather.selectFirst("Say");
            assertTrue(say.text().startsWith("Övning."), say.text());
            assertTrue(say.text().contains("Tryck 1 för att ansluta. Tryck 2 för att tacka nej."), say.text());
            assertEquals("sv-SE", say.attr("language"));
            assertEquals("Polly.Astrid", say.attr("voice"));
        }
        String conferenceSid = "CF" + UUID.randomUUID().toString().replace("-", "");
        for (String number : numbers.subList(0, 5)) {
            Call call = calls.get(number);
            Document join = twiml(call.path() + "/keypad", Map.of("CallSid", call.sid(), "Digits", "1"));
            Element conference = join.selectFirst("Response > Dial > Conference");
            assertNotNull(conference, join.outerHtml());
            assertEquals("outband-meeting-" + id, conference.text());
            assertEquals(FakeProviders.PUBLIC_URL + "/webhooks/twilio/meetings/" + id + "/conference", conference.attr("statusCallback"));
            assertEquals("join leave end", conference.attr("statusCallbackEvent"));
            conferenceReport(id, "participant-join", call.sid(), conferenceSid);
        }
        Call decliner = calls.get(numbers.get(5));
        Document declined = twiml(decliner.path() + "/keypad", Map.of("CallSid", decliner.sid(), "Digits", "2"));
        assertNull(declined.selectFirst("Dial"), declined.outerHtml());
        assertNotNull(declined.selectFirst("Response > Hangup"));
        assertTrue(declined.selectFirst("Say").text().contains("tackat nej"), declined.outerHtml());
        for (String number : numbers.subList(6, 8)) {
            Call call = calls.get(number);
            FakeProviders.callAsTwilio(call.path() + "/status", Map.of("CallSid", call.sid(), "CallStatus", "no-answer")).statusCode(204);
        }

        JsonPath view = meeting(id);
        assertEquals(5, states(view, "IN").size());
        assertEquals(List.of(numbers.get(5)), states(view, "DECLINED"));
        assertEquals(numbers.subList(6, 8), states(view, "NO_ANSWER"));
        List<String> audited = auditBy("twilio", before);
        assertEquals(5, audited.stream().filter(a -> a.startsWith("meeting.joined meeting=" + id + " ")).count(), audited.toString());

        // The leader calls the two again: two new calls to their numbers.
        for (Map<String, Object> person : view.<Map<String, Object>>getList("people.findAll { it.state == 'NO_ANSWER' }")) {
            as(Roles.SENDER).post("/api/meetings/" + id + "/people/" + person.get("id") + "/call").then().statusCode(202);
        }
        List<String> again = awaitCallRequests(10).subList(8, 10).stream().map(c -> c.get("To")).sorted().toList();
        assertEquals(numbers.subList(6, 8), again);
        assertEquals(numbers.subList(6, 8), states(meeting(id), "CALLING"));

        // Anyone can dial in on the hotline: 5 while the meeting runs, a wrong PIN, then the right one.
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Document hotline = twiml("/webhooks/twilio/voice", Map.of("CallSid", callSid, "From", STRANGER, "To", FakeProviders.SENDER_NUMBER));
        assertTrue(hotline.selectFirst("Gather > Say").text().contains("Tryck 5 för krisledningens möte."), hotline.outerHtml());
        Document askPin = twiml("/webhooks/twilio/voice/menu", Map.of("CallSid", callSid, "From", STRANGER, "Digits", "5"));
        Element pinGather = askPin.selectFirst("Response > Gather");
        assertEquals("6", pinGather.attr("numDigits"));
        Document wrong = twiml(pinGather.attr("action"), Map.of("CallSid", callSid, "From", STRANGER, "Digits", wrongPin(pin)));
        assertNull(wrong.selectFirst("Dial"), "a wrong PIN joins nothing: " + wrong.outerHtml());
        assertTrue(wrong.selectFirst("Gather > Say").text().startsWith("Fel kod."), wrong.outerHtml());
        Document right = twiml(wrong.selectFirst("Gather").attr("action"), Map.of("CallSid", callSid, "From", STRANGER, "Digits", pin));
        assertEquals("outband-meeting-" + id, right.selectFirst("Response > Dial > Conference").text());
        conferenceReport(id, "participant-join", callSid, conferenceSid);
        assertEquals(6, states(meeting(id), "IN").size(), "the dial-in is in too");
        assertTrue(states(meeting(id), "IN").contains(STRANGER));
        // Someone invited who missed the call dials in from their own number: the PIN, then they are themself in the list.
        String ownSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Document own = twiml(pinGather.attr("action"), Map.of("CallSid", ownSid, "From", numbers.get(7), "Digits", pin));
        assertEquals("outband-meeting-" + id, own.selectFirst("Response > Dial > Conference").text());
        conferenceReport(id, "participant-join", ownSid, conferenceSid);
        assertTrue(states(meeting(id), "IN").contains(numbers.get(7)));
        assertEquals(9, meeting(id).getList("people").size(), "the team of eight and the stranger");

        // One leaves; the leader ends the meeting, which completes the conference at Twilio.
        conferenceReport(id, "participant-leave", calls.get(numbers.get(0)).sid(), conferenceSid);
        assertEquals(List.of(numbers.get(0)), states(meeting(id), "LEFT"));
        as(Roles.SENDER).post("/api/meetings/" + id + "/end").then().statusCode(204);
        assertEquals(1, FakeProviders.twilio().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().endsWith("/Conferences/" + conferenceSid + ".json")
                        && e.getRequest().getBodyAsString().contains("Status=completed")).count());
        assertEquals(false, meeting(id).getBoolean("running"));
        Document late = twiml(pinGather.attr("action"), Map.of("CallSid", callSid, "From", STRANGER, "Digits", pin));
        assertNull(late.selectFirst("Dial"), "an ended meeting's PIN opens nothing");
        Document after = twiml("/webhooks/twilio/voice", Map.of("CallSid", callSid, "From", STRANGER, "To", FakeProviders.SENDER_NUMBER));
        assertFalse(after.selectFirst("Gather > Say").text().contains("Tryck 5"), "5 only while a meeting runs");
        List<String> audit = auditBy("twilio", before);
        assertTrue(audit.stream().anyMatch(a -> a.startsWith("meeting.left meeting=" + id + " ")), audit.toString());
        numbers.forEach(MessagingTestSupport::awaitNothingLeftToSendTo);
    }

    @Test
    void threeWrongPinsEndTheCallAndUnsignedWebhooksAreRefused() {
        long id = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("contactIds", List.of("m0", "m1")))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Call> calls = awaitCalls(2);
        String pin = awaitSms().get(numbers.get(0));
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        String action = twiml("/webhooks/twilio/voice/menu", Map.of("CallSid", callSid, "Digits", "5")).selectFirst("Gather").attr("action");
        for (int attempt = 1; attempt <= 3; attempt++) {
            Document answer = twiml(action, Map.of("CallSid", callSid, "From", STRANGER, "Digits", wrongPin(pin)));
            assertNull(answer.selectFirst("Dial"));
            if (attempt < 3) {
                action = answer.selectFirst("Gather").attr("action");
            } else {
                assertNull(answer.selectFirst("Gather"), "no fourth try: " + answer.outerHtml());
                assertNotNull(answer.selectFirst("Response > Hangup"));
            }
        }

        Call call = calls.get(numbers.get(0));
        for (String path : List.of(call.path(), call.path() + "/keypad", call.path() + "/status", "/webhooks/twilio/meetings/pin/1",
                "/webhooks/twilio/meetings/" + id + "/conference")) {
            Map<String, String> form = Map.of("CallSid", call.sid(), "Digits", "1", "StatusCallbackEvent", "participant-join");
            given().contentType("application/x-www-form-urlencoded").formParams(form).post(path).then().statusCode(403);
            given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "Zm9yZ2Vk").formParams(form)
                    .post(path).then().statusCode(403);
        }
        assertEquals(List.of(), states(meeting(id), "IN"), "a forged report puts nobody in");
        assertEquals(List.of(), states(meeting(id), "JOINING"));
        as(Roles.SENDER).post("/api/meetings/" + id + "/end").then().statusCode(204);
        as(Roles.SENDER).post("/api/meetings/" + id + "/end").then().statusCode(409);
        numbers.subList(0, 2).forEach(MessagingTestSupport::awaitNothingLeftToSendTo);
    }

    @Test
    void thirtyWrongPinsOverManyCallsCloseTheDialInAndTheRightPinThenOpensNothing() {
        long before = auditTotal();
        long id = as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("contactIds", List.of("m0", "m1")))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitCalls(2);
        String pin = awaitSms().get(numbers.get(0));
        String action = null;
        for (int wrong = 1; wrong <= MeetingCallbacks.WRONG_PINS; wrong++) {
            String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
            if ((wrong - 1) % MeetingCallbacks.PIN_TRIES == 0) {
                action = twiml("/webhooks/twilio/voice/menu", Map.of("CallSid", callSid, "Digits", "5")).selectFirst("Gather").attr("action");
            }
            if (wrong == MeetingCallbacks.WRONG_PINS) {
                assertTrue(meeting(id).getBoolean("dialInOpen"), "open until the last wrong PIN");
            }
            Document answer = twiml(action, Map.of("CallSid", callSid, "From", STRANGER, "Digits", wrongPin(pin)));
            assertNull(answer.selectFirst("Dial"));
            Element again = answer.selectFirst("Gather");
            action = again == null ? null : again.attr("action");
        }

        assertFalse(meeting(id).getBoolean("dialInOpen"));
        assertEquals(1, auditBy("twilio", before).stream().filter(a -> a.equals("meeting.dial-in-closed meeting=" + id + " wrong-pins="
                + MeetingCallbacks.WRONG_PINS)).count(), auditBy("twilio", before).toString());
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        Document hotline = twiml("/webhooks/twilio/voice", Map.of("CallSid", callSid, "From", STRANGER, "To", FakeProviders.SENDER_NUMBER));
        assertFalse(hotline.selectFirst("Gather > Say").text().contains("Tryck 5"), "no meeting to dial in to: " + hotline.outerHtml());
        Document right = twiml(MeetingPaths.pin(1), Map.of("CallSid", callSid, "From", numbers.get(0), "Digits", pin));
        assertNull(right.selectFirst("Dial"), "the right PIN opens nothing now: " + right.outerHtml());
        Map<String, String> cookies = TestApi.signInToUi("kodledare", List.of(Roles.SENDER));
        Document page = Jsoup.parse(given().cookies(cookies).get("/app/meetings/" + id).then().statusCode(200).extract().asString());
        assertTrue(page.selectFirst("#dial-in-closed").text().startsWith("Inringning med kod är stängd"), page.outerHtml());
        as(Roles.SENDER).post("/api/meetings/" + id + "/end").then().statusCode(204);
        numbers.subList(0, 2).forEach(MessagingTestSupport::awaitNothingLeftToSendTo);
    }

    @Test
    void aLeaderCallsADrillMeetingFromThePageAndIsToldWhyNotInSwedish() {
        Map<String, String> cookies = TestApi.signInToUi("sidledare", List.of(Roles.SENDER));
        String refused = given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParam("csrf", cookies.get("outband-csrf")).formParam("groups", "Finns" + group).post("/app/meetings")
                .then().statusCode(400).extract().asString();
        assertEquals("Grupperna finns inte: Finns" + group + ".", Jsoup.parse(refused).selectFirst("[role=alert]").text());
        String location = given().redirects().follow(false).cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParam("csrf", cookies.get("outband-csrf")).formParam("groups", group).formParam("drill", "true")
                .post("/app/meetings").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonPath meeting = meeting(id);
        assertTrue(meeting.getBoolean("drill"));
        assertEquals(numbers, meeting.<String>getList("people.phone").stream().sorted().toList());
        awaitCalls(8);
        assertEquals(0, callAgainButtons(cookies, id), "nobody being called now is offered a second call");
        // Still "being called" after any call has stopped ringing (Outband stopped before placing it, or its report was lost).
        clock.advance(Duration.ofMinutes(3));
        assertEquals(8, callAgainButtons(cookies, id), "each can be called again");
        as(Roles.SENDER).post("/api/meetings/" + id + "/end").then().statusCode(204);
        numbers.forEach(MessagingTestSupport::awaitNothingLeftToSendTo);
    }

    @Test
    void aMeetingIsBoundedAndOnlyForLeaders() {
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("groups", List.of(group))).post("/api/meetings").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("groups", List.of(group))).post("/api/meetings").then().statusCode(401);
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("groups", List.of("Finns" + group))).post("/api/meetings").then()
                .statusCode(400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("id" + i);
        }
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("contactIds", many)).post("/api/meetings").then().statusCode(400);
        assertEquals(0, MessagingTestSupport.callRequests().size(), "nothing called");
    }

    @Test
    void aLeadersMoteCallsTheMeetingOnceConfirmedWithTheCodeAndAStrangersGetsNothing() {
        String mobile = "+46703" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String leader = "motesledare-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", leader, "password", TestApi.PASSWORD, "roles", List.of("sender"),
                "mobile", mobile)).post("/api/users").then().statusCode(201);
        long newest = newestMeeting();

        smsToOutband(STRANGER, "MÖTE " + group);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Delivery.count("address", STRANGER)),
                "no answer is queued for a stranger");
        assertEquals(newest, newestMeeting(), "and no meeting called");

        smsToOutband(mobile, "möte " + group);
        String ask = awaitTexted(mobile, 1).get(0);
        Matcher code = Pattern.compile("Kalla 8 personer i " + group + " till telefonmöte\\? Svara med koden ([0-9]{6})").matcher(ask);
        assertTrue(code.find(), ask);
        assertEquals(newest, newestMeeting(), "nothing before the code");
        assertEquals(0, MessagingTestSupport.callRequests().size());

        smsToOutband(mobile, code.group(1));
        String called = awaitTexted(mobile, 2).get(1);
        long id = newestMeeting();
        assertTrue(called.startsWith("Telefonmöte " + id + " är kallat"), called);
        assertEquals(numbers, List.copyOf(awaitCalls(8).keySet()).stream().sorted().toList());
        assertEquals(leader + " via SMS", meeting(id).getString("createdBy"));
        // Twilio's report that the conference ended (the last one hung up) ends the meeting too.
        long before = auditTotal();
        conferenceReport(id, "conference-end", null, "CF" + UUID.randomUUID().toString().replace("-", ""));
        assertFalse(meeting(id).getBoolean("running"));
        assertEquals(List.of("meeting.conference-ended meeting=" + id), auditBy("twilio", before));
        Stream.concat(numbers.stream(), Stream.of(mobile)).forEach(MessagingTestSupport::awaitNothingLeftToSendTo);
    }

    private static long newestMeeting() {
        List<Number> ids = as(Roles.SENDER).get("/api/meetings").then().statusCode(200).extract().jsonPath().getList("id");
        return ids.isEmpty() ? 0 : ids.get(0).longValue();
    }

    /** An SMS to Outband's number as Twilio brings it: the webhook never answers in its response, only by an SMS of its own. */
    private static int callAgainButtons(Map<String, String> cookies, long meeting) {
        return Jsoup.parse(given().cookies(cookies).get("/app/meetings/" + meeting).then().statusCode(200).extract().asString())
                .select("form[action$=/call]").size();
    }

    private static void smsToOutband(String from, String body) {
        FakeProviders.callAsTwilio("/webhooks/twilio/inbound", Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", from, "To", FakeProviders.SENDER_NUMBER, "Body", body)).statusCode(200);
    }

    private static List<String> awaitTexted(String number, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> texted(number).size() >= count);
        return texted(number);
    }

    private static List<String> texted(String number) {
        return MessagingTestSupport.smsRequests().stream().filter(m -> number.equals(m.get("To"))).map(m -> m.get("Body")).toList();
    }

    /** One call Twilio's fake was asked to make: where it asks what to say (as a path) and the sid it was given. */
    private record Call(String path, String sid) {
    }

    private static Map<String, Call> awaitCalls(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> callEvents().size() >= count);
        Map<String, Call> calls = new LinkedHashMap<>();
        for (ServeEvent event : callEvents()) {
            Map<String, String> form = MessagingTestSupport.form(event.getRequest().getBodyAsString());
            Matcher sid = CALL_SID.matcher(event.getResponse().getBodyAsString());
            assertTrue(sid.find());
            calls.put(form.get("To"), new Call(form.get("Url").substring(FakeProviders.PUBLIC_URL.length()), sid.group(1)));
            assertEquals(form.get("Url") + "/status", form.get("StatusCallback"));
        }
        assertEquals(count, calls.size());
        return calls;
    }

    private static List<Map<String, String>> awaitCallRequests(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> MessagingTestSupport.callRequests().size() >= count);
        return MessagingTestSupport.callRequests();
    }

    private static List<ServeEvent> callEvents() {
        return FakeProviders.twilio().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().endsWith("/Calls.json")).toList();
    }

    /** The PIN each number was sent by SMS, once every SMS of the meeting has reached Twilio. */
    private Map<String, String> awaitSms() {
        Map<String, String> pins = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            pins.clear();
            for (Map<String, String> sms : MessagingTestSupport.smsRequests()) {
                Matcher pin = PIN.matcher(sms.get("Body"));
                if (numbers.contains(sms.get("To")) && pin.find()) {
                    assertTrue(sms.get("Body").contains(FakeProviders.SENDER_NUMBER), sms.get("Body"));
                    pins.put(sms.get("To"), pin.group(1));
                }
            }
            return pins.size() == MessagingTestSupport.callRequests().size();
        });
        return pins;
    }

    static String wrongPin(String pin) {
        return String.format("%06d", (Integer.parseInt(pin) + 1) % 1_000_000);
    }

    private static JsonPath meeting(long id) {
        return as(Roles.SENDER).get("/api/meetings/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The numbers of those in {@code state}, sorted. */
    private static List<String> states(JsonPath meeting, String state) {
        return meeting.<String>getList("people.findAll { it.state == '" + state + "' }.phone").stream().sorted().toList();
    }

    /** {@code callSid} null: a report about the conference itself, which names no call. */
    private static void conferenceReport(long meeting, String event, String callSid, String conferenceSid) {
        Map<String, String> report = new LinkedHashMap<>(Map.of("StatusCallbackEvent", event, "ConferenceSid", conferenceSid,
                "FriendlyName", "outband-meeting-" + meeting));
        if (callSid != null) {
            report.put("CallSid", callSid);
        }
        FakeProviders.callAsTwilio("/webhooks/twilio/meetings/" + meeting + "/conference", report).statusCode(204);
    }

    static Document twiml(String path, Map<String, String> params) {
        String xml = FakeProviders.callAsTwilio(path, params).statusCode(200).extract().asString();
        return Jsoup.parse(xml, "", Parser.xmlParser());
    }
}
