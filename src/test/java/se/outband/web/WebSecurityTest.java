package se.outband.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.outband.TestApi.signInToUi;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import se.outband.TestApi;
import se.outband.access.Roles;

@QuarkusTest
class WebSecurityTest {

    @Test
    void aPostWithoutTheCsrfTokenIsRejectedAndSendsNothing() {
        Map<String, String> cookies = signInToUi("csrf-sender", List.of(Roles.SENDER));
        Map<String, String> draft = Map.of("text", "Förfalskat utskick", "groups", "HR", "channels", "sms");
        given().cookies(cookies).formParams(draft).post("/app/bulletins/send").then()
                .statusCode(403).body(containsString("förfalskade anrop"));
        given().cookies(cookies).formParams(Map.of("text", "x", "csrf", "not-the-token")).post("/app/bulletins/send")
                .then().statusCode(403);
        given().cookies(Map.of("outband-session", cookies.get("outband-session"))).formParams(Map.of("text", "x", "csrf",
                cookies.get("outband-csrf"))).post("/app/bulletins/send").then().statusCode(403);
        given().cookies(cookies).header("Sec-Fetch-Site", "cross-site")
                .formParams(Map.of("text", "x", "csrf", cookies.get("outband-csrf"))).post("/app/bulletins/send")
                .then().statusCode(403);
        given().cookies(cookies).header("Origin", "https://evil.example")
                .formParams(Map.of("text", "x", "csrf", cookies.get("outband-csrf"))).post("/app/bulletins/send")
                .then().statusCode(403);
        TestApi.asAdmin().get("/api/bulletins?limit=500").then()
                .body("text", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Förfalskat utskick")));

        given().cookies(cookies).header("Sec-Fetch-Site", "same-origin")
                .formParams(Map.of("text", "Hej", "groups", "Finns inte", "csrf", cookies.get("outband-csrf")))
                .post("/app/bulletins/preview").then().statusCode(200).body(containsString("Finns inte"));
    }

    @Test
    void aUserWithOnlyTheContactsRoleCannotReachTheSendPage() {
        Map<String, String> cookies = signInToUi("only-contacts", List.of(Roles.CONTACTS));
        given().cookies(cookies).get("/app/bulletins/new").then().statusCode(403).body(containsString("behörighet"));
        given().cookies(cookies).formParams(Map.of("text", "x", "csrf", cookies.get("outband-csrf")))
                .post("/app/bulletins/send").then().statusCode(403);
        given().cookies(cookies).get("/app/status").then().statusCode(403);
        given().cookies(cookies).get("/app/admin").then().statusCode(403);
        given().cookies(cookies).get("/app/contacts").then().statusCode(200);
        given().cookies(cookies).get("/app/").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("/app/bulletins/new")));
    }

    @Test
    void theRootAddressOpensThePublicStatusPage() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/status/"));
        given().redirects().follow(false).header("Host", "evil.example").get("/status").then().statusCode(301)
                .header("Location", equalTo("/status/"));
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPageAndAWrongPasswordIsExplained() {
        given().redirects().follow(false).get("/app/bulletins/new").then().statusCode(302).header("Location", endsWith("/login"));
        String csrf = TestApi.csrfFromLoginPage();
        given().redirects().follow(false).cookie("outband-csrf", csrf).header("X-Forwarded-For", TestApi.newAddress())
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", csrf, "username", "admin", "password", "wrong")).post("/login")
                .then().statusCode(401).body(containsString("Fel användarnamn eller lösenord")).header("Set-Cookie", nullValue());
    }
}
