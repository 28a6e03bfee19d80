package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.apache.commons.codec.binary.Base32;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import se.outband.TestApi;

/**
 * With outband.access.totp-required-roles=admin, an admin without a second factor must set one up first:
 * the web UI shows nothing else, and the API gives nothing for the password. Here the bootstrap admin is
 * such an admin too, so users are made through the service, not through the API.
 */
@QuarkusTest
@TestProfile(ProductionAccess.class)
class RequiredSecondFactorTest {

    @Inject
    UserService users;

    @Inject
    TokenService tokens;

    private String newUser(String prefix, List<String> roles) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, TestApi.PASSWORD, roles, null);
        return name;
    }

    /** Enrols the signed-in user through the account pages, as a person would. */
    private static void enrol(Map<String, String> cookies) throws Exception {
        String csrf = cookies.get("outband-csrf");
        String secret = Jsoup.parse(given().cookies(cookies).formParams(Map.of("csrf", csrf)).post("/app/account/second-factor")
                .then().statusCode(200).extract().asString()).selectFirst("#secret").text().replace(" ", "");
        String code = new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"), Instant.now(), Locale.ROOT);
        given().cookies(cookies).formParams(Map.of("csrf", csrf, "code", code, "proof", TestApi.PASSWORD))
                .post("/app/account/second-factor/confirm").then().statusCode(200).body(containsString("reservkoder"));
    }

    @Test
    void anAdminWithoutASecondFactorSeesOnlyTheEnrolmentUntilItIsDone() throws Exception {
        String admin = newUser("required", List.of(Roles.ADMIN, Roles.SENDER));
        Map<String, String> cookies = TestApi.signInToUi(admin, TestApi.PASSWORD);
        for (String page : List.of("/app/", "/app/admin", "/app/bulletins/new")) {
            given().redirects().follow(false).cookies(cookies).get(page).then().statusCode(303)
                    .header("Location", endsWith("/app/account"));
        }
        given().cookies(cookies).get("/app/account").then().statusCode(200).body(containsString("Din roll kräver tvåstegsinloggning"));
        enrol(cookies);
        given().redirects().follow(false).cookies(cookies).get("/app/admin").then().statusCode(200);
        // Senders are not required to here: they sign in with the password alone.
        given().redirects().follow(false).cookies(TestApi.signInToUi(newUser("required-sender", List.of(Roles.SENDER)), TestApi.PASSWORD))
                .get("/app/").then().statusCode(200);
    }

    /**
     * The API has no place for a code: a password there would side-step the requirement (an admin made
     * a permanent token with it). Until enrolled, the password gives nothing and says where to enrol;
     * after, the password is refused as for every enrolled user, and a token works.
     */
    @Test
    void anAdminWithoutASecondFactorGetsNothingFromTheApiWithThePassword() throws Exception {
        String admin = newUser("required-api", List.of(Roles.ADMIN));
        String address = TestApi.newAddress();
        TestApi.basic(admin, TestApi.PASSWORD).header("X-Forwarded-For", address).get("/api/users").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer")).body("error", containsString("Mitt konto"));
        TestApi.basic(admin, TestApi.PASSWORD).header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("name", "permanent", "roles", List.of(Roles.ADMIN))).post("/api/tokens").then().statusCode(401);
        TestApi.basic(admin, TestApi.PASSWORD).header("X-Forwarded-For", address).header("Accept-Language", "en").get("/api/groups")
                .then().statusCode(401).body("error", containsString("My account"));
        TestApi.basic(admin, "a wrong password").header("X-Forwarded-For", TestApi.newAddress()).get("/api/groups").then()
                .statusCode(401).body("error", containsString("Fel användarnamn"));
        TestApi.basic(newUser("required-api-sender", List.of(Roles.SENDER)), TestApi.PASSWORD).get("/api/groups").then().statusCode(200);

        enrol(TestApi.signInToUi(admin, TestApi.PASSWORD));
        TestApi.basic(admin, TestApi.PASSWORD).header("X-Forwarded-For", address).get("/api/users").then().statusCode(401)
                .body("error", containsString("API-nyckel"));
        String token = tokens.create(admin + "-script", Set.of(Roles.ADMIN), admin).token();
        given().header("Authorization", "Bearer " + token).get("/api/users").then().statusCode(200)
                .body("username", hasItem(admin));
    }
}
