package se.outband.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static se.outband.TestApi.PASSWORD;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.signInToUi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import se.outband.TestApi;
import se.outband.access.Roles;

/** A session cookie saved before a revoking event opens nothing afterwards: sessions live on the server. */
@QuarkusTest
class SessionEndTest {

    private static String newUser() {
        String name = "session-" + UUID.randomUUID().toString().substring(0, 8);
        TestApi.ensureUser(name, List.of(Roles.SENDER));
        return name;
    }

    private static void opens(Map<String, String> cookies) {
        given().redirects().follow(false).cookies(cookies).get("/app/").then().statusCode(200);
    }

    private static void isRefused(Map<String, String> saved) {
        given().redirects().follow(false).cookies(saved).get("/app/").then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).cookies(saved).get("/app/bulletins/new").then().statusCode(302);
        given().redirects().follow(false).cookies(saved).formParams(Map.of("csrf", saved.get("outband-csrf"), "text", "x"))
                .post("/app/bulletins/send").then().statusCode(302);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        Map<String, String> saved = signInToUi(newUser(), PASSWORD);
        opens(saved);
        given().redirects().follow(false).cookies(saved).formParams(Map.of("csrf", saved.get("outband-csrf")))
                .post("/app/logout").then().statusCode(303).cookie("outband-session", "");
        isRefused(saved);
    }

    @Test
    void aNewPasswordEndsEverySessionOfThatUser() {
        String user = newUser();
        Map<String, String> phone = signInToUi(user, PASSWORD);
        Map<String, String> laptop = signInToUi(user, PASSWORD);
        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "ett helt nytt lösenord")).put("/api/users/" + user)
                .then().statusCode(200);
        isRefused(phone);
        isRefused(laptop);
        opens(signInToUi(user, "ett helt nytt lösenord"));
    }

    @Test
    void aRoleChangeEndsTheSession() {
        String user = newUser();
        Map<String, String> saved = signInToUi(user, PASSWORD);
        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.CONTACTS))).put("/api/users/" + user)
                .then().statusCode(200);
        isRefused(saved);
    }

    @Test
    void aChangeMadeInTheAdministrationPageEndsTheSessionToo() {
        String user = newUser();
        Map<String, String> saved = signInToUi(user, PASSWORD);
        Map<String, String> admin = signInToUi("session-admin", List.of(Roles.ADMIN));
        given().redirects().follow(false).cookies(admin)
                .formParams(Map.of("csrf", admin.get("outband-csrf"), "roles", Roles.SENDER, "password", "ännu ett nytt lösenord"))
                .post("/app/admin/users/" + user).then().statusCode(303);
        isRefused(saved);
    }

    @Test
    void aDeletedAndRecreatedUserDoesNotGetTheOldSessionBack() {
        String user = newUser();
        Map<String, String> saved = signInToUi(user, PASSWORD);
        asAdmin().delete("/api/users/" + user).then().statusCode(204);
        isRefused(saved);
        TestApi.ensureUser(user, List.of(Roles.SENDER));
        isRefused(saved);
    }

    @Test
    void aForgedOrUnknownSessionCookieIsJustNoSession() {
        Map<String, String> forged = Map.of("outband-session", "not-a-session", "outband-csrf", "x");
        isRefused(forged);
        given().cookies(forged).get("/login").then().statusCode(200);
        given().cookies(forged).get("/status/").then().statusCode(200);
    }
}
