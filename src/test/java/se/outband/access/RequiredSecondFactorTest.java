package se.outband.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import se.outband.TestApi;

/** With outband.access.totp-required-roles=admin, an admin without a second factor must set one up first. */
@QuarkusTest
@TestProfile(ProductionAccess.class)
class RequiredSecondFactorTest {

    @Test
    void anAdminWithoutASecondFactorSeesOnlyTheEnrolmentUntilItIsDone() throws Exception {
        String admin = "required-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> cookies = TestApi.signInToUi(admin, List.of(Roles.ADMIN, Roles.SENDER));
        for (String page : List.of("/app/", "/app/admin", "/app/bulletins/new")) {
            given().redirects().follow(false).cookies(cookies).get(page).then().statusCode(303)
                    .header("Location", endsWith("/app/account"));
        }
        given().cookies(cookies).get("/app/account").then().statusCode(200).body(containsString("Din roll kräver tvåstegsinloggning"));

        String csrf = cookies.get("outband-csrf");
        String secret = Jsoup.parse(given().cookies(cookies).formParams(Map.of("csrf", csrf)).post("/app/account/second-factor")
                .then().statusCode(200).extract().asString()).selectFirst("#secret").text().replace(" ", "");
        String code = new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                new javax.crypto.spec.SecretKeySpec(new org.apache.commons.codec.binary.Base32().decode(secret), "HmacSHA1"),
                java.time.Instant.now(), java.util.Locale.ROOT);
        given().cookies(cookies).formParams(Map.of("csrf", csrf, "code", code)).post("/app/account/second-factor/confirm")
                .then().statusCode(200).body(containsString("reservkoder"));
        given().redirects().follow(false).cookies(cookies).get("/app/admin").then().statusCode(200);
        // Senders are not required to here: they sign in with the password alone.
        given().redirects().follow(false).cookies(TestApi.signInToUi("required-sender", List.of(Roles.SENDER))).get("/app/")
                .then().statusCode(200);
    }
}
