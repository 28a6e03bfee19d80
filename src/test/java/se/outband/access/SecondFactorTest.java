package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.PASSWORD;
import static se.outband.TestApi.asAdmin;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.apache.commons.codec.binary.Base32;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.outband.AtOnce;
import se.outband.QrImages;
import se.outband.TestApi;
import se.outband.common.TestClock;

/** Two-step sign-in as a user meets it: enrol with an app, sign in with its codes or a recovery code. */
@QuarkusTest
class SecondFactorTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A user who has enrolled, with what they keep: the secret (in their app) and the recovery codes. */
    record Enrolled(String username, String secret, List<String> recoveryCodes, String address) {
    }

    private String code(String secret) throws InvalidKeyException {
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret.replace(" ", "")), "HmacSHA1");
        return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(key, clock.instant(), Locale.ROOT);
    }

    /** A form post with the browser's cookies; {@code address} (not a cookie) is where the browser is. */
    private static Response post(Map<String, String> cookies, String path, Map<String, String> form) {
        Map<String, String> jar = new java.util.HashMap<>(cookies);
        String address = jar.remove("address");
        return given().redirects().follow(false).header("X-Forwarded-For", address == null ? "127.0.0.1" : address)
                .cookies(jar).formParams(form).post(path);
    }

    private Enrolled enrol() throws Exception {
        String user = "twostep-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> cookies = TestApi.signInToUi(user, List.of(Roles.SENDER));
        String csrf = cookies.get("outband-csrf");
        given().cookies(cookies).get("/app/account").then().statusCode(200).body(containsString("Slå på tvåstegsinloggning"));

        Document enrolPage = Jsoup.parse(post(cookies, "/app/account/second-factor", Map.of("csrf", csrf)).then().statusCode(200)
                .extract().asString());
        String secret = enrolPage.selectFirst("#secret").text();
        assertEquals("otpauth://totp/Outband%3A" + user + "?secret=" + secret.replace(" ", "")
                + "&issuer=Outband&algorithm=SHA1&digits=6&period=30", QrImages.decode(enrolPage.selectFirst("#qr svg")), "the QR code carries the secret");

        post(cookies, "/app/account/second-factor/confirm", Map.of("csrf", csrf, "code", "000000", "proof", PASSWORD))
                .then().statusCode(400).body(containsString("Koden stämmer inte"));
        Document codesPage = Jsoup.parse(post(cookies, "/app/account/second-factor/confirm",
                Map.of("csrf", csrf, "code", code(secret), "proof", PASSWORD)).then().statusCode(200).extract().asString());
        List<String> recovery = codesPage.select("#recovery-codes code").eachText();
        assertEquals(10, recovery.size(), () -> codesPage.text());
        asAdmin().get("/api/users").then().body("find { it.username == '" + user + "' }.secondFactor", org.hamcrest.Matchers.equalTo(true));
        return new Enrolled(user, secret, recovery, TestApi.newAddress());
    }

    /** The password step: 303 to the code step with a half-open session that opens nothing yet. */
    private static Map<String, String> passwordStep(Enrolled user) {
        String csrf = TestApi.csrfFromLoginPage();
        Response step = given().redirects().follow(false).cookie("outband-csrf", csrf).header("X-Forwarded-For", user.address())
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", csrf, "username", user.username(), "password", PASSWORD)).post("/login");
        step.then().statusCode(303).header("Location", endsWith("/login/code"));
        Map<String, String> pending = Map.of("outband-session", step.getCookie("outband-session"), "outband-csrf", csrf,
                "address", user.address());
        given().redirects().follow(false).cookie("outband-session", pending.get("outband-session")).get("/app/").then().statusCode(302).header("Location", endsWith("/login"));
        given().cookie("outband-session", pending.get("outband-session")).get("/login/code").then().statusCode(200).body(containsString("Kod från appen"));
        return pending;
    }

    private static Map<String, String> codeStep(Map<String, String> pending, String code, int expected) {
        Response answer = post(pending, "/login/code", Map.of("csrf", pending.get("outband-csrf"), "code", code));
        answer.then().statusCode(expected);
        if (expected != 303) {
            return null;
        }
        String session = answer.getCookie("outband-session");
        assertNotEquals(pending.get("outband-session"), session, "a new session id after the second factor");
        return Map.of("outband-session", session, "outband-csrf", pending.get("outband-csrf"));
    }

    @Test
    void aUserEnrolsAndThenSignsInWithTheAppsCodeOnce() throws Exception {
        clock.freeze();
        Enrolled user = enrol();
        Map<String, String> pending = passwordStep(user);
        codeStep(pending, "123456", 401);
        clock.advance(Duration.ofSeconds(30));
        String code = code(user.secret());
        Map<String, String> session = codeStep(pending, code, 303);
        given().cookies(session).get("/app/").then().statusCode(200);
        given().redirects().follow(false).cookie("outband-session", pending.get("outband-session")).get("/app/").then().statusCode(302);

        // The same code cannot be used twice, even by someone who saw it over a shoulder.
        Map<String, String> again = passwordStep(user);
        codeStep(again, code, 401);
        clock.advance(Duration.ofSeconds(30));
        codeStep(again, code(user.secret()), 303);
    }

    @Test
    void aRecoveryCodeWorksOnceWithoutThePhone() throws Exception {
        Enrolled user = enrol();
        String recovery = user.recoveryCodes().get(3);
        Map<String, String> session = codeStep(passwordStep(user), recovery.toUpperCase(Locale.ROOT), 303);
        given().cookies(session).get("/app/account").then().statusCode(200).body(containsString("9 reservkoder kvar"));
        codeStep(passwordStep(user), recovery, 401);
        asAdmin().get("/api/audit?size=50").then().body("entries.action", hasItem("second-factor.recovery-code-used"));
    }

    @Test
    void basicAuthOnTheApiIsRefusedForAnEnrolledUserWhoIsToldToUseAToken() throws Exception {
        Enrolled user = enrol();
        given().auth().preemptive().basic(user.username(), PASSWORD).get("/api/groups").then().statusCode(401)
                .body("error", containsString("API-nyckel"));
        given().auth().preemptive().basic(user.username(), "wrong password").header("X-Forwarded-For", TestApi.newAddress())
                .get("/api/groups").then().statusCode(401).body("error", containsString("Fel användarnamn"));
        String token = asAdmin().contentType(ContentType.JSON).body(Map.of("name", user.username() + "-script", "roles", List.of(Roles.SENDER)))
                .post("/api/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/groups").then().statusCode(200);
    }

    @Test
    void anAdminResetsALostPhoneWhichEndsTheUsersSessions() throws Exception {
        clock.freeze();
        Enrolled user = enrol();
        clock.advance(Duration.ofSeconds(30));
        Map<String, String> session = codeStep(passwordStep(user), code(user.secret()), 303);
        asAdmin().delete("/api/users/" + user.username() + "/second-factor").then().statusCode(204);
        given().redirects().follow(false).cookies(session).get("/app/").then().statusCode(302);
        TestApi.signInToUi(user.username(), PASSWORD);
        asAdmin().get("/api/audit?size=50").then().body("entries.action", hasItem("second-factor.reset"));
        asAdmin().delete("/api/users/nobody-at-all/second-factor").then().statusCode(404);
    }

    /**
     * What each of several code steps posted at the same moment got: the start page with a new session,
     * or anything else (the code refused, or sent back to sign in because the half-open session is gone).
     */
    private static List<String> atOnce(List<Map<String, String>> pendings, String code) throws Exception {
        List<Callable<String>> posts = new ArrayList<>();
        for (Map<String, String> pending : pendings) {
            posts.add(() -> {
                Response answer = post(pending, "/login/code", Map.of("csrf", pending.get("outband-csrf"), "code", code));
                String location = answer.header("Location");
                return answer.statusCode() == 303 && location.endsWith("/app/") && answer.getCookie("outband-session") != null
                        ? "session" : answer.statusCode() + " " + location;
            });
        }
        return AtOnce.run(posts);
    }

    @Test
        void oneRecoveryCodeUsedAtOnceFromSeveralSignInsOpensOneSession() throws Exception {
        Enrolled user = enrol();
        List<Map<String, String>> pendings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pendings.add(passwordStep(user));
        }
        List<String> answers = atOnce(pendings, user.recoveryCodes().get(0));
        assertEquals(1, Collections.frequency(answers, "session"), () -> "answers " + answers);
    }

    @Test
        void oneTotpCodeUsedAtOnceFromSeveralSignInsOpensOneSession() throws Exception {
        clock.freeze();
        Enrolled user = enrol();
        clock.advance(Duration.ofSeconds(30));
        List<Map<String, String>> pendings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pendings.add(passwordStep(user));
        }
        List<String> answers = atOnce(pendings, code(user.secret()));
        assertEquals(1, Collections.frequency(answers, "session"), () -> "answers " + answers);
    }

    /** The same sign-in finished twice at once (a double click, a resent form) with two good codes: one session. */
    @Test
        void oneSignInFinishedTwiceAtOnceOpensOneSession() throws Exception {
        Enrolled user = enrol();
        Map<String, String> pending = passwordStep(user);
        List<Callable<String>> posts = new ArrayList<>();
        for (String code : user.recoveryCodes().subList(0, 5)) {
            posts.add(() -> atOnce(List.of(pending), code).get(0));
        }
        List<String> answers = AtOnce.run(posts);
        assertEquals(1, Collections.frequency(answers, "session"), () -> "answers " + answers);
    }

    /** A signed-in browser of the user's (password, then the app's next code), and where it is. */
    private Map<String, String> signedIn(Enrolled user) throws Exception {
        clock.advance(Duration.ofSeconds(30));
        Map<String, String> session = new java.util.HashMap<>(codeStep(passwordStep(user), code(user.secret()), 303));
        session.put("address", user.address());
        return session;
    }

    private static void stillSignedIn(Map<String, String> session, boolean expected) {
        given().redirects().follow(false).cookie("outband-session", session.get("outband-session")).get("/app/").then()
                .statusCode(expected ? 200 : 302);
    }

    /**
     * Someone at an unlocked screen, or with a stolen session, must not take the account's second factor:
     * new recovery codes need the password or the app's current code, and end every other session.
     */
    @Test
    void newRecoveryCodesNeedThePasswordOrCodeAndEndTheOtherSessions() throws Exception {
        clock.freeze();
        Enrolled user = enrol();
        Map<String, String> here = signedIn(user);
        Map<String, String> elsewhere = signedIn(user);
        String csrf = here.get("outband-csrf");

        for (Map<String, String> form : List.of(Map.of("csrf", csrf), Map.of("csrf", csrf, "proof", "not my password"),
                Map.of("csrf", csrf, "proof", "123456"))) {
            Document refused = Jsoup.parse(post(here, "/app/account/recovery-codes", form).then().statusCode(400).extract().asString());
            assertTrue(refused.select("#recovery-codes").isEmpty(), () -> refused.text());
            assertTrue(refused.text().contains("Lösenordet eller koden stämmer inte"), () -> refused.text());
        }
        stillSignedIn(elsewhere, true);

        Document renewed = Jsoup.parse(post(here, "/app/account/recovery-codes", Map.of("csrf", csrf, "proof", PASSWORD)).then()
                .statusCode(200).extract().asString());
        assertEquals(10, renewed.select("#recovery-codes code").size(), () -> renewed.text());
        stillSignedIn(here, true);
        stillSignedIn(elsewhere, false);
        codeStep(passwordStep(user), user.recoveryCodes().get(0), 401);

        Map<String, String> third = signedIn(user);
        clock.advance(Duration.ofSeconds(30));
        post(here, "/app/account/recovery-codes", Map.of("csrf", csrf, "proof", code(user.secret()))).then().statusCode(200)
                .body(containsString("recovery-codes"));
        stillSignedIn(third, false);
    }

    /** Changing to another app: the new app's code, and the password or the current app's code. */
    @Test
    void aNewAppNeedsThePasswordOrTheCurrentCodeAndEndsTheOtherSessions() throws Exception {
        clock.freeze();
        Enrolled user = enrol();
        Map<String, String> here = signedIn(user);
        Map<String, String> elsewhere = signedIn(user);
        String csrf = here.get("outband-csrf");
        given().cookies(Map.of("outband-session", here.get("outband-session"))).get("/app/account").then().statusCode(200)
                .body(containsString("Byt app"));

        String newSecret = Jsoup.parse(post(here, "/app/account/second-factor", Map.of("csrf", csrf)).then().statusCode(200)
                .extract().asString()).selectFirst("#secret").text();
        String newCode = code(newSecret);
        for (Map<String, String> form : List.of(Map.of("csrf", csrf, "code", newCode),
                Map.of("csrf", csrf, "code", newCode, "proof", "not my password"))) {
            post(here, "/app/account/second-factor/confirm", form).then().statusCode(400)
                    .body(containsString("Lösenordet eller koden stämmer inte"));
        }
        stillSignedIn(elsewhere, true);

        clock.advance(Duration.ofSeconds(30));
        // Both apps' codes of the same moment, typed together.
        Document codes = Jsoup.parse(post(here, "/app/account/second-factor/confirm",
                Map.of("csrf", csrf, "code", code(newSecret), "proof", code(user.secret()))).then().statusCode(200).extract().asString());
        assertEquals(10, codes.select("#recovery-codes code").size(), () -> codes.text());
        stillSignedIn(here, true);
        stillSignedIn(elsewhere, false);

        clock.advance(Duration.ofSeconds(30));
        codeStep(passwordStep(user), code(user.secret()), 401);
        codeStep(passwordStep(user), code(newSecret), 303);
        asAdmin().get("/api/audit?size=50").then().body("entries.action", hasItem("second-factor.enrolled"));
    }

    @Test
    void guessingCodesIsThrottledLikePasswords() throws Exception {
        Enrolled user = enrol();
        Map<String, String> pending = passwordStep(user);
        int held = 0;
        for (int i = 0; i < 7; i++) {
            int status = post(pending, "/login/code", Map.of("csrf", pending.get("outband-csrf"), "code", "00000" + i)).statusCode();
            held += status == 429 ? 1 : 0;
            assertTrue(status == 401 || status == 429, "status " + status);
        }
        assertEquals(2, held, "five guesses, then held back");
    }
}
