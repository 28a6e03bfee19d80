package se.outband.checks;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.auditBy;
import static se.outband.TestApi.auditTotal;
import static se.outband.messaging.MessagingTestSupport.smsRequests;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import se.outband.AtOnce;
import se.outband.HeldTransaction;
import se.outband.TestApi;
import se.outband.access.Roles;
import se.outband.messaging.FakeProviders;
import se.outband.messaging.outbox.Delivery;
import se.outband.messaging.outbox.DeliveryState;

/**
 * A contact check from start to the CSV of changes, through the real outbox, WireMock answering as Twilio and
 * GreenMail as the SMTP relay: the links and codes are read out of the messages the people got.
 */
@QuarkusTest
@WithTestResource(value = FakeProviders.class, scope = TestResourceScope.GLOBAL)
@SuppressWarnings("unchecked")
class ContactCheckTest {

    private static final Pattern LINK = Pattern.compile("https://outband\\.test/self/([A-Za-z0-9_-]{43})");
    private static final Pattern EMAIL_LINK = Pattern.compile("https://outband\\.test/self/[A-Za-z0-9_-]{43}/email/([A-Za-z0-9_-]{43})");
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static final String CSRF = "test-csrf-token-for-the-person-s-page";

    @Inject
    Clock clock;

    private String unique;
    private String group;
    private String unit;
    private String address;

    @BeforeEach
    void staff() {
        FakeProviders.reset();
        unique = UUID.randomUUID().toString().substring(0, 8);
        group = "Kontroll" + unique;
        unit = "Enhet " + unique;
        address = TestApi.newAddress();
        String csv = "id,name,mobile,email,groups,language,unit\n"
                + "a" + unique + ",Anna Andersson," + mobile() + ",," + group + ",sv," + unit + "\n"
                + "b" + unique + ",Bertil Berg," + mobile() + ",bertil@example.net," + group + ",en," + unit + "\n"
                + "c" + unique + ",Cecilia Carlsson," + mobile() + ",," + group + ",sv,Annan " + unique + "\n"
                + "d" + unique + ",David Dahl,,david" + unique + "@example.org," + group + ",sv,\n";
        asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/contacts/import?mode=merge")
                .then().statusCode(200);
    }

    @AfterEach
    void nothingLeftToSend() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count("state in ?1", List.of(DeliveryState.QUEUED, DeliveryState.SENDING))) == 0);
    }

    @Test
    void peopleConfirmAndChangeTheirOwnDetailsAndHrSeesTheProgress() throws Exception {
        long auditBefore = auditTotal();
        long id = start(Map.of("groups", List.of(group), "deadline", deadline()));
        String anna = linkBySms(mobileOf("a"));
        String bertil = linkBySms(mobileOf("b"));
        String cecilia = linkBySms(mobileOf("c"));
        String david = linkByEmail("david" + unique + "@example.org");
        assertEquals(4, List.of(anna, bertil, cecilia, david).stream().distinct().count(), "a link of their own each");
        assertFigures(id, 4, 0, 0, 4, 0);

        // Anna's page in Swedish, and "Stämmer".
        Response page = person().get("/self/" + anna);
        assertEquals(200, page.statusCode());
        assertTrue(page.asString().contains("Anna Andersson") && page.asString().contains(unit), page.asString());
        assertTrue(page.asString().contains("lang=\"sv\"") && page.asString().contains("Stämmer"));
        assertTrue(page.asString().contains("Personuppgiftsansvarig"), "the privacy notice is on the page");
        assertFalse(page.asString().contains("Bertil"), "only the one person");
        assertEquals(303, form().post("/self/" + anna + "/confirm").statusCode());
        assertEquals(303, form().post("/self/" + anna + "/confirm").statusCode(), "pressed twice, counted once");
        assertFigures(id, 4, 1, 0, 3, 0);

        // Bertil, in English, changes his mobile (with the code sent to the new number) and his email (with the link).
        assertTrue(person().get("/self/" + bertil).asString().contains("That is right"));
        String bertilsOld = mobileOf("b");
        String ceciliasOld = mobileOf("c");
        String newMobile = mobile();
        Response corrected = form().formParam("mobile", newMobile).formParam("email", "bertil.ny" + unique + "@example.net")
                .formParam("language", "en").post("/self/" + bertil);
        assertEquals(303, corrected.statusCode());
        assertTrue(corrected.header("Location").contains("code_sent") && corrected.header("Location").contains("email_sent"));
        assertEquals(bertilsOld, contact("b").get("mobile"), "not stored before the code comes back");
        String code = codeSentTo(newMobile);
        assertEquals(303, form().formParam("code", code).post("/self/" + bertil + "/code").statusCode());
        assertEquals(newMobile, contact("b").get("mobile"));
        String emailSecret = emailLink("bertil.ny" + unique + "@example.net");
        assertEquals("bertil@example.net", contact("b").get("email"), "not stored before the link is opened");
        assertEquals(200, person().get("/self/" + bertil + "/email/" + emailSecret).statusCode());
        assertEquals(303, form().post("/self/" + bertil + "/email/" + emailSecret).statusCode());
        assertEquals("bertil.ny" + unique + "@example.net", contact("b").get("email"));
        assertFigures(id, 4, 1, 1, 2, 0);

        // Cecilia's new number is never confirmed: five wrong codes end the link, and the number stays.
        String other = mobile();
        form().formParam("mobile", other).post("/self/" + cecilia).then().statusCode(303);
        String right = codeSentTo(other);
        String wrong = right.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 4; i++) {
            assertTrue(form().formParam("code", wrong).post("/self/" + cecilia + "/code").header("Location").contains("code_wrong"));
        }
        assertTrue(form().formParam("code", wrong).post("/self/" + cecilia + "/code").header("Location").contains("ended"));
        assertEquals(410, person().get("/self/" + cecilia).statusCode());
        form().formParam("code", right).post("/self/" + cecilia + "/code").then().statusCode(410);
        assertEquals(ceciliasOld, contact("c").get("mobile"));

        List<String> byBertil = auditBy("self:b" + unique, auditBefore);
        assertTrue(byBertil.stream().anyMatch(e -> e.startsWith("contact.self-changed") && e.contains("fields=mobile")), byBertil.toString());
        assertTrue(byBertil.stream().anyMatch(e -> e.startsWith("contact.self-changed") && e.contains("fields=email")), byBertil.toString());
        assertTrue(auditBy("self:a" + unique, auditBefore).stream().anyMatch(e -> e.startsWith("contact.self-confirmed")));

        String csv = as(Roles.CONTACTS).get("/api/contact-checks/" + id + "/changes.csv").then().statusCode(200).extract().asString();
        // Numbers as text ('+46…): a spreadsheet would take +46701740605 for a sum and show 46701740605.
        assertTrue(csv.contains("b" + unique + ",Bertil Berg,mobile,'" + bertilsOld + ",'" + newMobile), csv);
        assertTrue(csv.contains("b" + unique + ",Bertil Berg,email,bertil@example.net,bertil.ny" + unique + "@example.net"), csv);
        assertFalse(csv.contains("c" + unique), csv);

        List<Map<String, Object>> units = as(Roles.CONTACTS).get("/api/contact-checks/" + id + "/units").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> annas = units.stream().filter(u -> unit.equals(u.get("unit"))).findFirst().orElseThrow();
        assertEquals(2, annas.get("asked"));
        assertEquals(1, annas.get("confirmed"));
        assertEquals(List.of("Bertil Berg"), annas.get("changed"));

        // A reminder goes to those who have not answered and whose link still works: David (by email).
        FakeProviders.smtp().purgeEmailFromAllMailboxes();
        as(Roles.CONTACTS).post("/api/contact-checks/" + id + "/reminders").then().statusCode(200).body("reminded", org.hamcrest.Matchers.is(1));
        String davidAgain = linkByEmail("david" + unique + "@example.org");
        assertNotEquals(david, davidAgain);
        assertEquals(404, person().get("/self/" + david).statusCode(), "the first link is replaced by the reminder's");
        assertEquals(200, person().get("/self/" + davidAgain).statusCode());

        // Asked again at once (a second click): refused in words, and David gets nothing more.
        int mails = FakeProviders.smtp().getReceivedMessages().length;
        as(Roles.CONTACTS).post("/api/contact-checks/" + id + "/reminders").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("tidigast en timme efter"));
        assertEquals(200, person().get("/self/" + davidAgain).statusCode(), "the reminder's link still works");
        assertEquals(mails, FakeProviders.smtp().getReceivedMessages().length);
    }

    /**
     * A reminder asked for while another is still being sent, for longer than the embedded database waits for a
     * row (two seconds, as a reminder to thousands may take): it waits, and is refused in words, not an error.
     */
    @Test
    void aReminderAskedForWhileAnotherIsBeingSentWaitsAndIsRefusedInWords() throws Exception {
        long id = start(Map.of("units", List.of("Annan " + unique), "deadline", deadline()));
        linkBySms(mobileOf("c"));
        Future<?> first = HeldTransaction.start(() -> ContactCheck.update("remindedAt = ?1 where id = ?2", clock.instant(), id),
                Duration.ofSeconds(3));
        as(Roles.CONTACTS).post("/api/contact-checks/" + id + "/reminders").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.containsString("tidigast en timme efter"));
        first.get(10, TimeUnit.SECONDS);
    }

    /** Reminders asked for at once (a double click, a script) text each person once: the others are refused. */
    @Test
    void remindersAskedForAtOnceRemindEachPersonOnce() throws Exception {
        long id = start(Map.of("units", List.of("Annan " + unique), "deadline", deadline()));
        String cecilias = mobileOf("c");
        linkBySms(cecilias);
        List<Integer> answers = AtOnce.run(5, () -> as(Roles.CONTACTS).post("/api/contact-checks/" + id + "/reminders").statusCode());
        assertEquals(List.of(200, 409, 409, 409, 409), answers.stream().sorted().toList());
        await().atMost(Duration.ofSeconds(15)).until(() -> smsCountTo(cecilias) == 2);
        nothingLeftToSend();
        assertEquals(2, smsCountTo(cecilias), "the link and one reminder");
    }

    @Test
    void wrongCodesSentAtOnceAllCountAndEndTheLink() throws Exception {
        start(Map.of("units", List.of("Annan " + unique), "deadline", deadline()));
        String ceciliasOld = mobileOf("c");
        String cecilia = linkBySms(ceciliasOld);
        String newMobile = mobile();
        form().formParam("mobile", newMobile).post("/self/" + cecilia).then().statusCode(303);
        String right = codeSentTo(newMobile);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String guess = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
            guesses.add(() -> form().formParam("code", guess).post("/self/" + cecilia + "/code").statusCode());
        }
        AtOnce.run(guesses);
        form().formParam("code", right).post("/self/" + cecilia + "/code").then().statusCode(410);
        assertEquals(ceciliasOld, contact("c").get("mobile"), "the right code after five wrong ones changes nothing");
    }

    @Test
    void hrsNextImportKeepsWhatThePersonGaveUntilTheHrSystemChangesIt() {
        start(Map.of("groups", List.of(group), "deadline", deadline()));
        String oldMobile = mobileOf("b");
        String bertil = linkBySms(oldMobile);
        String newMobile = mobile();
        form().formParam("mobile", newMobile).formParam("language", "sv").post("/self/" + bertil).then().statusCode(303);
        form().formParam("code", codeSentTo(newMobile)).post("/self/" + bertil + "/code").then().statusCode(303);
        assertEquals(newMobile, contact("b").get("mobile"));

        // The HR system still has the old number and language: the import keeps the person's, and says so (dry run too).
        String old = "id,name,mobile,email,groups,language,unit\nb" + unique + ",Bertil Berg," + oldMobile + ",bertil@example.net,"
                + group + ",en," + unit + "\n";
        for (String dryRun : List.of("true", "false")) {
            Map<String, Object> report = importCsv(old, dryRun);
            List<Map<String, Object>> kept = (List<Map<String, Object>>) report.get("keptOwn");
            assertEquals(1, kept.size(), report.toString());
            assertEquals("b" + unique, kept.get(0).get("id"));
            assertEquals(List.of("language", "mobile"), ((List<Map<String, Object>>) kept.get(0).get("changes")).stream()
                    .map(c -> c.get("field")).toList());
            assertEquals(0, report.get("updated"), report.toString());
        }
        assertEquals(newMobile, contact("b").get("mobile"));
        assertEquals("sv", contact("b").get("language"));

        // HR changes the number in the HR system later: the import wins.
        String hrs = mobile();
        Map<String, Object> report = importCsv(old.replace(oldMobile, hrs), "false");
        List<Object> keptMobiles = ((List<Map<String, Object>>) report.get("keptOwn")).stream()
                .flatMap(k -> ((List<Map<String, Object>>) k.get("changes")).stream()).map(c -> c.get("field"))
                .filter("mobile"::equals).toList();
        assertEquals(List.of(), keptMobiles);
        assertEquals(hrs, contact("b").get("mobile"));
        assertEquals("sv", contact("b").get("language"), "the language the file still has old is kept");
        importCsv(old.replace(oldMobile, hrs), "false");
        assertEquals(hrs, contact("b").get("mobile"), "and stays");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> importCsv(String csv, String dryRun) {
        return asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=merge&dryRun=" + dryRun).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    @Test
    void hrStartsACheckFromTheContactsPage() {
        Map<String, String> session = TestApi.signInToUi("kontroll-" + unique, List.of(Roles.CONTACTS));
        Response started = given().redirects().follow(false).cookies(session).contentType(ContentType.URLENC)
                .formParam("csrf", session.get("outband-csrf")).formParam("groups", group + ", ").formParam("units", "")
                .formParam("deadline", deadline()).post("/app/contacts/checks");
        assertEquals(303, started.statusCode());
        String page = given().cookies(session).get(started.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Skickade: 4") && page.contains("Inte svarat: 4"), page);
        assertTrue(page.contains("Anna Andersson") && page.contains("Bertil Berg"), page);
        linkBySms(mobileOf("a"));
        Response refused = given().cookies(session).contentType(ContentType.URLENC).formParam("csrf", session.get("outband-csrf"))
                .formParam("groups", "Ingen sådan " + unique).formParam("deadline", deadline()).post("/app/contacts/checks");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Okända grupper: Ingen sådan " + unique), refused.asString());
    }

    @Test
    void hostileLinksAndFormsGetNothing() {
        start(Map.of("groups", List.of(group), "deadline", deadline()));
        String anna = linkBySms(mobileOf("a"));
        assertEquals(404, person().get("/self/" + "A".repeat(43)).statusCode());
        assertEquals(404, person().get("/self/' or 1=1--").statusCode());
        assertEquals(404, person().get("/self/" + anna.substring(0, 42)).statusCode());
        // Another site's form, and a form without the token, are refused.
        assertEquals(403, given().header("X-Forwarded-For", address).header("Sec-Fetch-Site", "cross-site").contentType(ContentType.URLENC)
                .cookie("outband-csrf", CSRF).formParam("csrf", CSRF).post("/self/" + anna + "/confirm").statusCode());
        assertEquals(403, given().header("X-Forwarded-For", address).contentType(ContentType.URLENC).formParam("x", "y")
                .post("/self/" + anna + "/confirm").statusCode());
        Response bad = form().formParam("mobile", "not a number").post("/self/" + anna);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("<a href=\"#mobile\">&quot;not a number&quot; är inget giltigt telefonnummer"), bad.asString());
        assertTrue(bad.asString().contains("aria-invalid=\"true\""));
        // A body larger than any form is refused before it is read.
        assertEquals(413, form().formParam("mobile", "0".repeat(70_000)).post("/self/" + anna).statusCode());
        // Only HR starts checks and reads them; the public cannot.
        as(Roles.SENDER).contentType(ContentType.JSON).body(Map.of("deadline", deadline())).post("/api/contact-checks").then().statusCode(403);
        given().get("/api/contact-checks").then().statusCode(401);
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("groups", List.of("Finns inte " + unique), "deadline", deadline()))
                .post("/api/contact-checks").then().statusCode(400).body("error", org.hamcrest.Matchers.containsString("Finns inte"));
        as(Roles.CONTACTS).contentType(ContentType.JSON).body(Map.of("deadline", "2020-01-01")).post("/api/contact-checks").then()
                .statusCode(400);
        as(Roles.CONTACTS).contentType(ContentType.JSON).body("{\"groups\": [null], \"deadline\": \"" + deadline() + "\"}")
                .post("/api/contact-checks").then().statusCode(400);
    }

    @Test
    void guessingLinksFromOneAddressIsHeldBack() {
        int status = 0;
        for (int i = 0; i < 25 && status != 429; i++) {
            status = person().get("/self/" + UUID.randomUUID().toString().replace("-", "") + "abcdefghijk").statusCode();
        }
        assertEquals(429, status);
    }

    private long start(Map<String, Object> request) {
        return as(Roles.CONTACTS).contentType(ContentType.JSON).body(request).post("/api/contact-checks").then().statusCode(201)
                .extract().<Number>path("id").longValue();
    }

    private void assertFigures(long id, int sent, int confirmed, int changed, int unanswered, int unreachable) {
        Map<String, Object> figures = as(Roles.CONTACTS).get("/api/contact-checks/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("$");
        assertEquals(List.of(sent, confirmed, changed, unanswered, unreachable), List.of(figures.get("sent"), figures.get("confirmed"),
                figures.get("changed"), figures.get("unanswered"), figures.get("unreachable")), figures.toString());
    }

    private RequestSpecification person() {
        return given().redirects().follow(false).header("X-Forwarded-For", address);
    }

    private RequestSpecification form() {
        return person().contentType(ContentType.URLENC).cookie("outband-csrf", CSRF).formParam("csrf", CSRF);
    }

    private Map<String, Object> contact(String prefix) {
        return asAdmin().get("/api/contacts/" + prefix + unique).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private String mobile() {
        return "+46703" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private String mobileOf(String prefix) {
        return (String) contact(prefix).get("mobile");
    }

    private static String deadline() {
        return LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(30).toString();
    }

    private static long smsCountTo(String number) {
        return smsRequests().stream().filter(r -> number.equals(r.get("To"))).count();
    }

    private static String smsTo(String number) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> smsRequests().stream().anyMatch(r -> number.equals(r.get("To"))));
        List<Map<String, String>> to = smsRequests().stream().filter(r -> number.equals(r.get("To"))).toList();
        return to.get(to.size() - 1).get("Body");
    }

    private static String linkBySms(String number) {
        Matcher link = LINK.matcher(smsTo(number));
        assertTrue(link.find());
        return link.group(1);
    }

    private static String codeSentTo(String number) {
        Matcher code = CODE.matcher(smsTo(number));
        assertTrue(code.find());
        return code.group(1);
    }

    private static String mailTo(String email) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> Arrays.stream(FakeProviders.smtp().getReceivedMessages()).anyMatch(m -> to(m).equals(email)));
        MimeMessage mail = Arrays.stream(FakeProviders.smtp().getReceivedMessages()).filter(m -> to(m).equals(email)).reduce((a, b) -> b)
                .orElseThrow();
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkByEmail(String email) {
        Matcher link = LINK.matcher(mailTo(email));
        assertTrue(link.find(), mailTo(email));
        return link.group(1);
    }

    private static String emailLink(String email) {
        Matcher link = EMAIL_LINK.matcher(mailTo(email));
        assertTrue(link.find(), mailTo(email));
        return link.group(1);
    }
}
