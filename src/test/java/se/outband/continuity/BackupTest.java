package se.outband.continuity;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.outband.TestApi.as;
import static se.outband.TestApi.asAdmin;
import static se.outband.TestApi.signInToUi;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import se.outband.TestFolders;
import se.outband.access.Roles;
import se.outband.common.OutbandConfig;

@QuarkusTest
class BackupTest {

    static final String PASSPHRASE = "test-backup-passphrase";
    /** The fingerprint of src/test/resources/backup-signing-key.asc, the test profile's outband.backup.signing-key. */
    static final String TEST_SIGNING_KEY = "A103F00CD77F5D8FF2FAAA2B991371F17F68D220";

    @Inject
    BackupSchedule schedule;

    @Inject
    RestoreAtStart restore;

    @Inject
    Scheduler scheduler;

    @Inject
    OutbandConfig outband;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Test
    void gnupgOpensABackupWhoseContactListImportsBackUnchanged(@TempDir Path dir) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        createContact(Map.of("id", "bk-" + unique + "-1", "name", "Åsa Öberg", "mobile", "0701740611",
                "groups", List.of("Krisledning " + unique, "Skola"), "title", "Rektor, Norra skolan", "unit", "Barn & utbildning"));
        createContact(Map.of("id", "bk-" + unique + "-2", "name", "\"Kalle\" Ärling", "email", "kalle." + unique + "@example.org",
                "language", "en"));
        int stored = asAdmin().get("/api/contacts").then().statusCode(200).extract().jsonPath().getList("").size();

        Response created = asAdmin().post("/api/backups");
        created.then().statusCode(201).body("name", startsWith("outband-backup-")).body("size", greaterThan(0))
                .body("createdAt", startsWith(Instant.now().toString().substring(0, 4)));
        String name = created.jsonPath().getString("name");
        assertTrue(created.header("Location").endsWith("/api/backups/" + name));
        asAdmin().get("/api/backups").then().statusCode(200).body("name", hasItem(name));

        Response download = asAdmin().get("/api/backups/" + name);
        download.then().statusCode(200).contentType("application/pgp-encrypted")
                .header("Content-Disposition", containsString(name));
        Path file = Files.write(dir.resolve(name), download.asByteArray());
        Path zip = dir.resolve("backup.zip");
        // The offline kit: the signing key's fingerprint and public half, as /app/backups gives them to administrators.
        Map<String, String> admin = signInToUi("admin-kit-" + unique, List.of(Roles.ADMIN));
        String fingerprint = Jsoup.parse(given().cookies(admin).get("/app/backups").then().statusCode(200).extract().asString())
                .getElementById("signing-fingerprint").text().replace(" ", "");
        assertEquals(TEST_SIGNING_KEY, fingerprint, "the page shows the fingerprint of outband.backup.signing-key");
        Path signingKey = Files.write(dir.resolve("signing-key.asc"), given().cookies(admin).get("/app/backups/signing-key.asc")
                .then().statusCode(200).contentType("application/pgp-keys").extract().asByteArray());
        try (Gpg gpg = new Gpg()) {
            gpg.importKey(signingKey);
            Gpg.Output opened = gpg.decryptWithStatus(file, PASSPHRASE, zip);
            assertEquals(0, opened.exitCode(), "gpg opens the backup with the passphrase alone: " + opened.text());
            assertTrue(opened.text().contains("[GNUPG:] GOODSIG ") && opened.text().contains("[GNUPG:] VALIDSIG ")
                    && opened.text().contains(" " + fingerprint), "and finds it signed by the key on the page: " + opened.text());
        }
        Map<String, byte[]> entries = unzip(zip);

        String csv = new String(entries.get("contacts.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Åsa Öberg") && csv.contains("\"\"\"Kalle\"\" Ärling\""), csv);
        asAdmin().contentType("text/csv").body(entries.get("contacts.csv")).post("/api/contacts/import?mode=replace&dryRun=true")
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("removed", equalTo(0))
                .body("unchanged", equalTo(stored)).body("rejected", empty());

        JsonNode rest = json.readTree(entries.get("outband.json"));
        assertEquals("outband-backup", rest.get("format").asText());
        assertEquals(1, rest.get("version").asInt());
        assertEquals(stored, rest.get("contacts").asInt());
        JsonNode users = rest.get("tables").get("outband_user");
        int username = columns(users).indexOf("username");
        int hash = columns(users).indexOf("password_hash");
        boolean adminFound = false;
        for (JsonNode row : users.get("rows")) {
            if (row.get(username).asText().equals("admin")) {
                adminFound = row.get(hash).asText().startsWith("$2");
            }
        }
        assertTrue(adminFound, "the admin's password hash is in the backup");
        for (String table : List.of("api_token", "audit_entry", "status_service", "incident", "incident_update",
                "message_template", "bulletin", "recipient", "delivery", "reply")) {
            assertTrue(rest.get("tables").has(table), table);
        }
        assertFalse(rest.get("tables").has("web_session"), "sessions are not backed up");

        asAdmin().get("/api/audit?size=20").then().body("entries.action", hasItem("backup.downloaded"));
    }

    @Test
    void onlyAdministratorsTakeOrReadBackupsAndOnlyBackupsCanBeRead() {
        as(Roles.SENDER).post("/api/backups").then().statusCode(403);
        as(Roles.CONTACTS).get("/api/backups").then().statusCode(403);
        String name = asAdmin().post("/api/backups").then().statusCode(201).extract().path("name");
        as(Roles.SENDER).get("/api/backups/" + name).then().statusCode(403);
        for (String missing : List.of("outband-backup-20260101T000000Z.zip.gpg", name + ".part", "outband.mv.db")) {
            asAdmin().get("/api/backups/" + missing).then().statusCode(404).contentType(ContentType.JSON);
        }
        // An encoded slash is refused before any resource sees it (400) or not found (404); never a file.
        for (String hostile : List.of("..", "..%2Fdb%2Foutband.mv.db", "..%2F..%2Fpom.xml", "%2Fetc%2Fpasswd")) {
            asAdmin().urlEncodingEnabled(false).get("/api/backups/" + hostile).then()
                    .statusCode(anyOf(equalTo(400), equalTo(404))).contentType(not(containsString("pgp")));
        }
    }

    @Test
    void theScheduleKeepsTheNewestAndCopiesEachElsewhere() throws Exception {
        Trigger trigger = scheduler.getScheduledJob(BackupSchedule.IDENTITY);
        assertNotNull(trigger, "the backup job is scheduled");
        Instant next = trigger.getNextFireTime();
        assertTrue(next != null && next.isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(90)), "next run " + next);

        // Only this test's backups, so nothing another test left (dated by a clock it moved) decides what is newest.
        try (Stream<Path> files = Files.list(outband.dataFolder("backups"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        List<String> made = new ArrayList<>();
        // The job is run by hand here; paused, its own timer cannot add a backup in between.
        scheduler.pause(BackupSchedule.IDENTITY);
        try {
            for (int i = 0; i < 4; i++) {
                lastScheduledBackupTakenAgo(Duration.ofHours(1));
                schedule.run();
                List<String> names = asAdmin().get("/api/backups").jsonPath().getList("name");
                made.add(names.get(0));
                schedule.run();
                assertEquals(names, asAdmin().get("/api/backups").jsonPath().getList("name"),
                        "within the interval no instance takes another: its backup is still fresh");
            }
        } finally {
            scheduler.resume(BackupSchedule.IDENTITY);
        }
        List<String> after = asAdmin().get("/api/backups").jsonPath().getList("name");
        assertEquals(4, Set.copyOf(made).size(), "each run made a backup: " + made);
        assertEquals(List.of(made.get(3), made.get(2), made.get(1)), after, "outband.backup.keep=3 in tests: the newest three stay");
        asAdmin().get("/api/audit?size=10").then().body("entries.findAll { it.action == 'backup.created' }.actor", hasItem("system"));
        String newest = after.get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(TestFolders.ownFolder().resolve("offsite").resolve(newest)));
    }

    @Test
    void aFailingCopyShowsOnTheStartPageOfAdministratorsAndInReadiness() throws Exception {
        Path fail = TestFolders.ownFolder().resolve("copy-backup-should-fail");
        Files.writeString(fail, "");
        try {
            asAdmin().post("/api/backups").then().statusCode(201);
            Map<String, String> admin = signInToUi("admin-backup-" + UUID.randomUUID().toString().substring(0, 6), List.of(Roles.ADMIN));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().cookies(admin).get("/app/")
                    .then().statusCode(200).body(containsString("Kopieringen av säkerhetskopian")));
            given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'backups' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'backups' }.data.problem", containsString("Copying the newest backup elsewhere failed"))
                    .body("checks.find { it.name == 'backups' }.data.problem", not(containsString("exit")));
            // When, and how the command ended, for those signed in.
            asAdmin().get("/q/health/group/details").then()
                    .body("checks.find { it.name == 'backups' }.data.problemInDetail", containsString("exit 4"))
                    .body("checks.find { it.name == 'backups' }.data.newest", not(equalTo("none")));
            Map<String, String> sender = signInToUi("sender-backup-" + UUID.randomUUID().toString().substring(0, 6), List.of(Roles.SENDER));
            given().cookies(sender).get("/app/").then().statusCode(200)
                    .body(not(containsString("säkerhetskopia")));
            given().cookies(sender).get("/app/backups").then().statusCode(403);
        } finally {
            Files.deleteIfExists(fail);
        }
        asAdmin().post("/api/backups").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'backups' }.data.problem", equalTo(null)));
    }

    /** A backup that cannot be written says so in words on the public readiness check, without the server's paths. */
    @Test
    void aFailedBackupIsSaidWithoutPaths() throws Exception {
        Path folder = outband.dataFolder("backups");
        Path aside = folder.resolveSibling("backups-aside");
        Files.createDirectories(folder);
        Files.move(folder, aside);
        try {
            Files.writeString(folder, "not a folder");
            String error = asAdmin().post("/api/backups").then().statusCode(500).extract().path("error");
            assertTrue(error.contains("cannot be written") && !error.contains(outband.dataDir().toString()), error);
            given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'backups' }.data.problem", containsString("cannot be written"))
                    .body(not(containsString(folder.getParent().toString())));
        } finally {
            Files.deleteIfExists(folder);
            Files.move(aside, folder);
        }
        asAdmin().post("/api/backups").then().statusCode(201);
    }

    @Test
    void anAdministratorTakesAndDownloadsABackupFromTheWebPage() {
        Map<String, String> admin = signInToUi("admin-web-backup-" + UUID.randomUUID().toString().substring(0, 6), List.of(Roles.ADMIN));
        Response made = given().cookies(admin).redirects().follow(false)
                .contentType(ContentType.URLENC).formParam("csrf", admin.get("outband-csrf")).post("/app/backups");
        made.then().statusCode(303).header("Location", containsString("/app/backups?made=outband-backup-"));
        String name = made.header("Location").substring(made.header("Location").indexOf("made=") + 5);
        given().cookies(admin).get("/app/backups?made=" + name).then().statusCode(200)
                .body(containsString("Säkerhetskopian " + name + " är gjord")).body(containsString("href=\"/app/backups/" + name + "\""));
        given().cookies(admin).get("/app/backups/" + name).then().statusCode(200)
                .contentType("application/pgp-encrypted");
        given().cookies(admin).redirects().follow(false).contentType(ContentType.URLENC)
                .post("/app/backups").then().statusCode(403);
    }

    @Test
    void aDatabaseInUseIsNeverRestoredOver(@TempDir Path dir) throws Exception {
        String name = asAdmin().post("/api/backups").then().statusCode(201).extract().path("name");
        Path file = Files.write(dir.resolve(name), asAdmin().get("/api/backups/" + name).asByteArray());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        createContact(Map.of("id", "after-" + unique, "name", "Efter Backup", "mobile", "0701740612"));
        String contactsBefore = asAdmin().get("/api/contacts").asString();
        String usersBefore = asAdmin().get("/api/users").asString();

        RestoreAtStart.RestoreRefused refused = assertThrows(RestoreAtStart.RestoreRefused.class, () -> restore.restore(file));
        assertTrue(refused.getMessage().contains("already holds data") && refused.getMessage().contains("nothing was changed"),
                refused.getMessage());
        assertEquals(contactsBefore, asAdmin().get("/api/contacts").asString());
        assertEquals(usersBefore, asAdmin().get("/api/users").asString());
    }

    /**
     * As if the last scheduled backup, by any instance, were taken this long ago: the time is moved on
     * the shared job's row, not on the shared test clock, whose moves would upset what other tests store.
     */
    private void lastScheduledBackupTakenAgo(Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update shared_job set last_run_at = ?1 where name = ?2")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(ago)).setParameter(2, BackupSchedule.JOB).executeUpdate());
    }

    private static void createContact(Map<String, Object> contact) {
        asAdmin().contentType(ContentType.JSON).body(contact).post("/api/contacts").then().statusCode(201);
    }

    private static List<String> columns(JsonNode table) {
        List<String> columns = new ArrayList<>();
        table.get("columns").forEach(c -> columns.add(c.asText()));
        return columns;
    }

    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entriesIn.getNextEntry()) != null;) {
                entries.put(entry.getName(), entriesIn.readAllBytes());
            }
        }
        return entries;
    }
}
