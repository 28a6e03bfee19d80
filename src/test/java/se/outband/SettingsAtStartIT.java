package se.outband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service started with several mistakes at once names every one of them in that start, by
 * the variable an administrator sets: whether Quarkus refuses the settings while it reads them (a
 * provider that does not exist, a rate of 0, an address without scheme) or Outband refuses them once
 * they are read (SMTP without a relay).
 */
class SettingsAtStartIT {

    static final String REPORT = "Outband cannot start: fix these settings (in the environment file or as variables) and start again:";

    @TempDir
    Path work;

    @Test
    void valuesQuarkusRefusesAndKeysThatDisagreeAreReportedInOneStart() throws Exception {
        List<String> lines = refusedStart("several", Map.of(
                "OUTBAND_SMS_PROVIDER", "sinch",
                "OUTBAND_SMS_RATE_PER_SECOND", "0",
                "OUTBAND_PUBLIC_URL", "x",
                "OUTBAND_MAIL_PROVIDER", "smtp",
                "OUTBAND_BACKUP_PASSPHRASE", "tiny-secret"));
        assertEquals(List.of(REPORT,
                "  - OUTBAND_SMS_PROVIDER (outband.sms.provider) is 'sinch': each provider must be twilio, 46elks or dry-run",
                "  - OUTBAND_SMS_RATE_PER_SECOND (outband.sms.rate-per-second) is '0.0': it must be above 0 (0 would stall all sending) and at most 10000",
                "  - OUTBAND_MAIL_SMTP_HOST (outband.mail.smtp.host) is not set: the external SMTP relay to send email through",
                "  - OUTBAND_MAIL_SMTP_FROM (outband.mail.smtp.from) is not set: the sender of Outband's email, e.g. Kommunen <kris@example.net>",
                "  - OUTBAND_PUBLIC_URL (outband.public-url) is 'x': it must be the address people reach Outband at, e.g. https://outband.example.org",
                "  - OUTBAND_BACKUP_PASSPHRASE (outband.backup.passphrase) is '(11 characters)': it must be at least 12 characters: whoever finds"
                        + " a copy can guess offline"),
                lines.subList(lines.indexOf(REPORT), lines.size()), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.contains("tiny-secret")), "a secret is never repeated in the log");
        assertTrue(lines.stream().noneMatch(line -> line.contains("SRCFG")), "Quarkus's own words are replaced by the report");
    }

    /** Settings Quarkus reads without complaint, which only disagree with each other: refused by Outband's own start. */
    @Test
    void keysThatDisagreeAloneAreReportedTheSameWay() throws Exception {
        List<String> lines = refusedStart("disagree", Map.of("OUTBAND_MAIL_PROVIDER", "smtp", "OUTBAND_MAIL_SMTP_HOST", "smtp.example.net"));
        assertEquals(List.of(REPORT,
                "  - OUTBAND_MAIL_SMTP_FROM (outband.mail.smtp.from) is not set: the sender of Outband's email, e.g. Kommunen <kris@example.net>"),
                lines.subList(lines.indexOf(REPORT), lines.size()), String.join("\n", lines));
    }

    private List<String> refusedStart(String name, Map<String, String> mistakes) throws Exception {
        Map<String, String> settings = new HashMap<>(mistakes);
        settings.put("QUARKUS_HTTP_PORT", Integer.toString(PackagedJar.freePort()));
        settings.put("OUTBAND_DATA_DIR", work.resolve("data").toString());
        Path log = Files.createDirectories(Path.of("target", "settings-at-start")).resolve(name + ".log");
        Files.deleteIfExists(log);
        Process process = PackagedJar.launch(settings, Map.of(), log);
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "refused settings stop Outband");
        } finally {
            process.destroyForcibly();
        }
        assertNotEquals(0, process.exitValue());
        List<String> lines = Files.readAllLines(log);
        assertFalse(lines.indexOf(REPORT) < 0, "the report is printed:\n" + String.join("\n", lines));
        return lines;
    }
}
