package se.outband.continuity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.signInToUi;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import se.outband.FirstStart;
import se.outband.access.Roles;

/** As on a newcomer's first start: no passphrase or key, so no backups, and administrators are told why. */
@QuarkusTest
@TestProfile(FirstStart.class)
class BackupNotConfiguredTest {

    @Test
    void noBackupIsMadeAndAdministratorsAreToldWhy() {
        int before = asAdmin().get("/api/backups").jsonPath().getList("$").size();
        asAdmin().header("Accept-Language", "en").post("/api/backups").then().statusCode(409)
                .body("error", containsString("OUTBAND_BACKUP_PASSPHRASE"));
        asAdmin().get("/api/backups").then().body("size()", equalTo(before));

        Map<String, String> admin = signInToUi("admin-nobackup-" + UUID.randomUUID().toString().substring(0, 6), List.of(Roles.ADMIN));
        given().cookies(admin).get("/app/").then().statusCode(200)
                .body(containsString("Inga säkerhetskopior görs")).body(containsString("href=\"/app/backups\""));
        given().cookies(admin).get("/app/backups").then().statusCode(200)
                .body(containsString("OUTBAND_BACKUP_PASSPHRASE")).body(not(containsString("Gör en säkerhetskopia nu")));
        given().cookies(admin).redirects().follow(false).contentType(ContentType.URLENC).formParam("csrf", admin.get("outband-csrf"))
                .post("/app/backups").then().statusCode(200).body(containsString("Inga säkerhetskopior görs"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'backups' }.data.problem", containsString("No backups are made"));
        asAdmin().get("/q/health/group/details").then().statusCode(200)
                .body("checks.find { it.name == 'backups' }.data.configured", equalTo(false));
    }
}
