package se.outband.continuity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import se.outband.PackagedJar;

/**
 * The disaster recovery of docs/backups.md on the packaged service: an instance with data takes a signed
 * backup; a second on a fresh data folder refuses a damaged file and a wrong passphrase (and stays empty),
 * then starts from the backup with the same contacts, users who sign in, the status page and the
 * history, sends, and on a later restart leaves what it restored alone. A third opens the same
 * backup with the private key instead of the passphrase, after refusing a forged one that anyone with
 * the public key could make; a fourth restores the forged one only because it is told to, and says so.
 */
class DisasterRecoveryIT {

    static final String PASSPHRASE = "a passphrase kept in the safe";
    static final String KEY_USER = "Outband restore test <restore@example.invalid>";
    static final String KEY_PASSPHRASE = "the offline key's passphrase";
    static final String ADMIN_PASSWORD = "first-admin-password";
    static final String LEADER_PASSWORD = "the leader's own password";
    static final String ATTACKER_PASSWORD = "the attacker's own password";
    static final String SIGNING_USER = "Outband backup signing <signing@example.invalid>";
    static final String SIGNING_PASSPHRASE = "the signing key's passphrase";

    @TempDir
    static Path keys;

    @TempDir
    Path work;

    private final List<Process> running = new ArrayList<>();

    @BeforeAll
    static void offlineKeyPairAndSigningKey() throws Exception {
        try (Gpg gpg = new Gpg()) {
            gpg.generateKey(KEY_USER, KEY_PASSPHRASE);
            gpg.exportPublicKey(KEY_USER, keys.resolve("public.asc"));
            gpg.exportSecretKey(KEY_USER, KEY_PASSPHRASE, keys.resolve("secret.asc"));
            gpg.generateSigningKey(SIGNING_USER, SIGNING_PASSPHRASE);
            gpg.exportPublicKey(SIGNING_USER, keys.resolve("signing-public.asc"));
            gpg.exportSecretKey(SIGNING_USER, SIGNING_PASSPHRASE, keys.resolve("signing.asc"));
        }
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : running) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFreshInstanceStartsFromTheBackupOfAnother() throws Exception {
        int portA = PackagedJar.freePort();
        Map<String, String> a = settings(portA, work.resolve("a"));
        a.put("OUTBAND_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        a.put("OUTBAND_BACKUP_PASSPHRASE", PASSPHRASE);
        a.put("OUTBAND_BACKUP_PUBLIC_KEY", keys.resolve("public.asc").toString());
        a.put("OUTBAND_BACKUP_SIGNING_KEY", keys.resolve("signing.asc").toString());
        a.put("OUTBAND_BACKUP_SIGNING_KEY_PASSPHRASE", SIGNING_PASSPHRASE);
        Process first = start(portA, a, "a");
        String csv = "anstnr;namn;mobil;epost;grupper;titel;enhet\r\n"
                + "dr-1;Åsa Öberg;070-174 06 21;;Krisledning|Skola;Rektor;Barn och utbildning\r\n"
                + "dr-2;Björn Ärlig;070-174 06 22;bjorn@example.org;Krisledning;Säkerhetschef;Kommunledning\r\n"
                + "dr-3;Cecilia Ek;;cecilia@example.org;HR;Lönehandläggare;HR\r\n";
        admin(portA, ADMIN_PASSWORD).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/contacts/import?mode=replace").then().statusCode(200).body("created", equalTo(3));
        admin(portA, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("username", "leader", "password", LEADER_PASSWORD, "roles", List.of("sender")))
                .post("/api/users").then().statusCode(201);
        long system = admin(portA, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("name", "E-post och kalender", "state", "down", "priority", 1))
                .post("/api/status/services").then().statusCode(201).extract().jsonPath().getLong("id");
        admin(portA, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("title", "IT-attack mot kommunen", "text", "Arbeta analogt tills vidare.", "services", List.of(system)))
                .post("/api/status/incidents").then().statusCode(201);
        long bulletin = admin(portA, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("text", "Krisledningen samlas kl 14.", "groups", List.of("Krisledning"), "channels", "sms-then-email"))
                .post("/api/bulletins").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> admin(portA, ADMIN_PASSWORD).get("/api/bulletins/" + bulletin)
                .jsonPath().getInt("deliveries.sms.DELIVERED") == 2);
        String contacts = admin(portA, ADMIN_PASSWORD).get("/api/contacts").asString();
        String name = admin(portA, ADMIN_PASSWORD).post("/api/backups").then().statusCode(201).extract().path("name");
        Path backup = Files.write(work.resolve(name), admin(portA, ADMIN_PASSWORD).get("/api/backups/" + name).asByteArray());
        stop(first);

        int portB = PackagedJar.freePort();
        Path dataB = work.resolve("b");
        Map<String, String> b = settings(portB, dataB);
        // Set on the new VM too, as a newcomer would: it must not make an admin over the restored one.
        b.put("OUTBAND_BOOTSTRAP_ADMIN_PASSWORD", "another-admin-password");
        // The operator's secrets survived: the new instance signs with the same key, and checks the backup against it.
        b.put("OUTBAND_BACKUP_SIGNING_KEY", keys.resolve("signing.asc").toString());
        b.put("OUTBAND_BACKUP_SIGNING_KEY_PASSPHRASE", SIGNING_PASSPHRASE);
        b.put("OUTBAND_RESTORE_FROM", backup.toString());

        byte[] whole = Files.readAllBytes(backup);
        Path truncated = Files.write(work.resolve("truncated.zip.gpg"), Arrays.copyOf(whole, whole.length - 200));
        // What anyone holding the public key can make, with their own admin password (issue 22, item 5).
        Path forged = forge(backup, work.resolve("forged.zip.gpg"));
        int portC = PackagedJar.freePort();
        Map<String, String> c = settings(portC, work.resolve("c"));
        c.put("OUTBAND_RESTORE_PRIVATE_KEY", keys.resolve("secret.asc").toString());
        c.put("OUTBAND_RESTORE_PASSPHRASE", KEY_PASSPHRASE);
        // The refused starts of b and c are independent of each other: each pair runs side by side.
        b.put("OUTBAND_RESTORE_FROM", truncated.toString());
        b.put("OUTBAND_RESTORE_PASSPHRASE", PASSPHRASE);
        c.put("OUTBAND_RESTORE_FROM", forged.toString());
        assertRefused(refusal(b, "b-truncated", "damaged or incomplete"), refusal(c, "c-no-signer", "cannot tell whether"));
        b.put("OUTBAND_RESTORE_FROM", backup.toString());
        b.put("OUTBAND_RESTORE_PASSPHRASE", "not the passphrase");
        c.put("OUTBAND_RESTORE_SIGNER", keys.resolve("signing-public.asc").toString());
        assertRefused(refusal(b, "b-wrong", "passphrase does not open this backup"),
                refusal(c, "c-forged", "The backup is not signed, so nothing shows that Outband made it"));

        b.put("OUTBAND_RESTORE_PASSPHRASE", PASSPHRASE);
        long started = System.nanoTime();
        Process second = start(portB, b, "b");
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        String fingerprint = SigningKeys.fingerprint(SigningKeys.certificates(keys.resolve("signing-public.asc")).get(0));
        assertTrue(Files.readString(logs().resolve("b.log")).contains("(signed by " + fingerprint + "): 3 contacts"),
                "the log says whose signature the restore checked");
        assertEquals(contacts, admin(portB, ADMIN_PASSWORD).get("/api/contacts").asString(), "the same contacts");
        admin(portB, "another-admin-password").get("/api/contacts").then().statusCode(401);
        given().port(portB).auth().preemptive().basic("leader", LEADER_PASSWORD).get("/api/bulletins").then().statusCode(200)
                .body("text", hasItem("Krisledningen samlas kl 14."));
        given().port(portB).get("/status/").then().statusCode(200)
                .body(containsString("E-post och kalender")).body(containsString("IT-attack mot kommunen"));
        long resent = admin(portB, ADMIN_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("text", "Outband är tillbaka på en ny server.", "groups", List.of("Krisledning"), "channels", "sms"))
                .post("/api/bulletins").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> admin(portB, ADMIN_PASSWORD).get("/api/bulletins/" + resent)
                .jsonPath().getInt("deliveries.sms.DELIVERED") == 2);
        long firstSmsMillis = (System.nanoTime() - started) / 1_000_000;
        stop(second);

        // The setting is often left in place, its file moved or deleted later: the next start must neither refuse nor restore again.
        b.put("OUTBAND_RESTORE_FROM", work.resolve("moved-away.zip.gpg").toString());
        Process again = start(portB, b, "b-again");
        admin(portB, ADMIN_PASSWORD).get("/api/bulletins").then().statusCode(200).body("text", hasItem("Outband är tillbaka på en ny server."));
        stop(again);
        assertTrue(Files.readString(logs().resolve("b-again.log")).contains("restored from a backup before"), "says why it did not restore");

        c.put("OUTBAND_RESTORE_FROM", backup.toString());
        // Told explicitly, a restore takes an unsigned backup (one from before signing was set up), and says so.
        int portD = PackagedJar.freePort();
        Map<String, String> d = settings(portD, work.resolve("d"));
        d.put("OUTBAND_RESTORE_FROM", forged.toString());
        d.put("OUTBAND_RESTORE_PRIVATE_KEY", keys.resolve("secret.asc").toString());
        d.put("OUTBAND_RESTORE_PASSPHRASE", KEY_PASSPHRASE);
        d.put("OUTBAND_RESTORE_UNSIGNED", "true");
        // Two independent restores, started side by side.
        Process restoredC = launch(c, "c");
        Process restoredD = launch(d, "d-unsigned");
        PackagedJar.awaitReady(restoredC, portC, logs().resolve("c.log"));
        PackagedJar.awaitReady(restoredD, portD, logs().resolve("d-unsigned.log"));
        assertEquals(contacts, admin(portC, ADMIN_PASSWORD).get("/api/contacts").asString(),
                "the private key opens it too, and the offline kit's copy of the signing key checks it");
        admin(portD, ATTACKER_PASSWORD).get("/api/audit?size=50").then().statusCode(200)
                .body("entries.find { it.action == 'backup.restored' }.details",
                        containsString("signature=not signed (restored anyway: OUTBAND_RESTORE_UNSIGNED=true)"));
        assertTrue(Files.readString(logs().resolve("d-unsigned.log")).contains("restored anyway because OUTBAND_RESTORE_UNSIGNED=true"),
                "the log says the check was skipped");

        System.out.printf("%n=== Disaster recovery of the packaged service ===%n");
        System.out.printf("backup of %d contacts              : %,d bytes%n", 3, whole.length);
        System.out.printf("start with restore → ready         : %,d ms%n", readyMillis);
        System.out.printf("start with restore → first SMS out : %,d ms%n%n", firstSmsMillis);
    }

    /**
     * What anyone holding the public key the backups are sealed to can make: the same backup with the
     * administrator's password replaced by the attacker's, sealed to that public key.
     */
    private static Path forge(Path genuine, Path forged) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        OpenPgp.Secrets offline = new OpenPgp.Secrets(Optional.of(KEY_PASSPHRASE.toCharArray()), Optional.of(keys.resolve("secret.asc")));
        try (InputStream clear = OpenPgp.decrypt(Files.newInputStream(genuine), offline, List.of());
                ZipInputStream zip = new ZipInputStream(clear)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode rest = (ObjectNode) json.readTree(entries.get(BackupArchive.REST));
        JsonNode users = rest.get("tables").get("outband_user");
        List<String> columns = new ArrayList<>();
        users.get("columns").forEach(c -> columns.add(c.asText()));
        for (JsonNode row : users.get("rows")) {
            if (row.get(columns.indexOf("username")).asText().equals("admin")) {
                ((ArrayNode) row).set(columns.indexOf("password_hash"), BcryptUtil.bcryptHash(ATTACKER_PASSWORD));
            }
        }
        entries.put(BackupArchive.REST, json.writeValueAsBytes(rest));
        try (OutputStream file = Files.newOutputStream(forged);
                OutputStream sealed = OpenPgp.encrypt(file, Optional.empty(), 96, Optional.of(OpenPgp.publicKey(keys.resolve("public.asc"))),
                        Optional.empty());
                ZipOutputStream zip = new ZipOutputStream(sealed)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return forged;
    }

    /** A start that is to be refused, launched with the settings as they are now. */
    private record Refusal(Process process, Path log, String reason) {
    }

    private Refusal refusal(Map<String, String> settings, String name, String reason) throws IOException {
        return new Refusal(launch(settings, name), logs().resolve(name + ".log"), reason);
    }

    private static void assertRefused(Refusal... refusals) throws Exception {
        for (Refusal refusal : refusals) {
            assertTrue(refusal.process().waitFor(120, TimeUnit.SECONDS), "a refused restore stops Outband");
            assertNotEquals(0, refusal.process().exitValue());
            List<String> lines = Files.readAllLines(refusal.log());
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            assertTrue(last.contains(refusal.reason()), "the log ends with why: " + refusal.reason() + "\n" + String.join("\n", lines));
        }
    }

    private Process start(int port, Map<String, String> settings, String name) throws IOException {
        Process process = launch(settings, name);
        PackagedJar.awaitReady(process, port, logs().resolve(name + ".log"));
        return process;
    }

    private Process launch(Map<String, String> settings, String name) throws IOException {
        Process process = PackagedJar.launch(settings, Map.of(), logs().resolve(name + ".log"));
        running.add(process);
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
    }

    /** Under target/, so the logs of a failed run can be read afterwards. */
    private static Path logs() throws IOException {
        return Files.createDirectories(Path.of("target", "disaster-recovery"));
    }

    private static Map<String, String> settings(int port, Path dataDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        settings.put("OUTBAND_DATA_DIR", dataDir.toString());
        settings.put("OUTBAND_PUBLIC_URL", "http://localhost:" + port);
        return settings;
    }

    private static RequestSpecification admin(int port, String password) {
        return given().port(port).auth().preemptive().basic("admin", password);
    }
}
