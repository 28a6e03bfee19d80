package se.outband.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import se.outband.ArchitectureTest;
import se.outband.OutbandSettings;

/** A misconfigured start lists every problem at once, by the variable an administrator sets. */
class SettingsReportTest {

    /** The packaged application.properties with {@code settings} over it, as environment variables are. */
    private static SmallRyeConfig config(Map<String, String> settings) throws Exception {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(SettingsReportTest.class.getResource("/application.properties")))
                .withSources(new PropertiesConfigSource(settings, "test", 500))
                .build();
    }

    /** What Outband prints when Quarkus refuses these settings, and what its start refuses them with otherwise. */
    private static List<String> problems(Map<String, String> settings) throws Exception {
        return SettingsReport.problems(config(settings), OutbandSettings.FEATURES);
    }

    @Test
    void theShippedDefaultsStartCleanly() throws Exception {
        assertEquals(List.of(), problems(Map.of()));
    }

    @Test
    void everyMissingOrWrongSettingIsNamedAtOnce() throws Exception {
        List<String> problems = problems(Map.of(
                "outband.sms.provider", "twilio",
                "outband.sms.twilio.account-sid", "AC0123456789abcdef0123456789abcdef",
                "outband.sms.rate-per-second", "0",
                "outband.mail.provider", "smtp",
                "outband.mail.smtp.host", "smtp.example.net",
                "outband.mail.smtp.starttls", "always",
                "outband.public-url", "outband.example.org"));
        assertEquals(6, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("OUTBAND_SMS_TWILIO_AUTH_TOKEN (outband.sms.twilio.auth-token) is not set"), problems::toString);
        assertTrue(problems.get(1).startsWith("OUTBAND_SMS_TWILIO_MESSAGING_SERVICE_SID") && problems.get(1).contains("OUTBAND_SMS_TWILIO_FROM"),
                problems::toString);
        assertTrue(problems.get(2).startsWith("OUTBAND_SMS_RATE_PER_SECOND (outband.sms.rate-per-second) is '0.0'"), problems::toString);
        assertTrue(problems.get(3).startsWith("OUTBAND_MAIL_SMTP_FROM"), problems::toString);
        assertTrue(problems.get(4).startsWith("OUTBAND_MAIL_SMTP_STARTTLS"), problems::toString);
        assertTrue(problems.get(5).startsWith("OUTBAND_PUBLIC_URL"), problems::toString);
        assertTrue(problems.stream().noneMatch(p -> p.contains("OUTBAND_MAIL_SMTP_HOST")), "what is set is not reported");
    }

    @Test
    void anUnknownProviderAndAPublicUrlWithoutSchemeAreWrong() throws Exception {
        List<String> problems = problems(Map.of("outband.sms.provider", "sinch", "outband.public-url", "outband.example.org"));
        assertEquals(List.of("OUTBAND_SMS_PROVIDER (outband.sms.provider) is 'sinch': each provider must be twilio, 46elks or dry-run",
                "OUTBAND_PUBLIC_URL (outband.public-url) is 'outband.example.org': it must be the address people reach Outband at,"
                        + " e.g. https://outband.example.org"), problems);
    }

    /** A second provider named but not set up would fail exactly when the first one does. */
    @Test
    void a46elksProviderNeedsItsAccountAndALongWebhookSecret() throws Exception {
        List<String> problems = problems(Map.of("outband.sms.providers", "dry-run,46elks,dry-run",
                "outband.sms.46elks.username", "u123", "outband.sms.46elks.password", "secret", "outband.sms.46elks.from", "Kommunen",
                "outband.sms.46elks.webhook-secret", "too-short", "outband.sms.46elks.rate-per-second", "0"));
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("OUTBAND_SMS_PROVIDERS (outband.sms.providers) is 'dry-run,46elks,dry-run': each provider may be named once"),
                problems::toString);
        assertTrue(problems.get(1).startsWith("OUTBAND_SMS_46ELKS_WEBHOOK_SECRET (outband.sms.46elks.webhook-secret) is '(9 characters)'"), problems::toString);
        assertTrue(problems.get(2).startsWith("OUTBAND_SMS_46ELKS_RATE_PER_SECOND (outband.sms.46elks.rate-per-second) is '0.0'"), problems::toString);
        assertTrue(problems.stream().noneMatch(p -> p.contains("too-short")), "a secret is never repeated in the report");
    }

    /** The address printed on posters: a typo there would send people nowhere for as long as the poster hangs. */
    @Test
    void aStatusPageAddressWithoutSchemeIsWrong() throws Exception {
        assertEquals(List.of("OUTBAND_STATUS_PUBLIC_URL (outband.status.public-url) is 'status.example.org': it must be the address"
                + " where people read the status page, e.g. https://status.example.org/"),
                problems(Map.of("outband.status.public-url", "status.example.org")));
        assertEquals(List.of(), problems(Map.of("outband.status.public-url", "https://status.example.org/")));
    }

    /** Calls from a name nobody can call, or paced at zero, would leave landline-only staff unreached without a word. */
    @Test
    void callsNeedANumberToCallFromAndAPaceAboveZero() throws Exception {
        assertEquals(List.of("OUTBAND_VOICE_FROM (outband.voice.from) is 'Kommunen': calls need a phone number, e.g. +46766861004",
                "OUTBAND_VOICE_CALLS_PER_SECOND (outband.voice.calls-per-second) is '0.0': it must be above 0 (0 would stall all calls)"
                        + " and at most 100",
                "OUTBAND_VOICE_RETRY_AFTER (outband.voice.retry-after) is 'PT0S': it must be a positive duration, e.g. PT10M"),
                problems(Map.of("outband.voice.from", "Kommunen", "outband.voice.calls-per-second", "0", "outband.voice.retry-after", "PT0S")));
    }

    @Test
    void deliveriesAreKeptAtLeastADay() throws Exception {
        assertEquals(List.of("OUTBAND_RETENTION_DELIVERIES (outband.retention.deliveries) is 'PT1H': it must be at least a day, e.g. P395D"),
                problems(Map.of("outband.retention.deliveries", "PT1H")));
        assertEquals(List.of(), problems(Map.of("outband.retention.deliveries", "P30D")));
    }

    /** A mapping left out of the report would have its problems left out too, whatever Quarkus said about them. */
    @Test
    void everyMappingIsInTheReport() {
        Set<Class<?>> mappings = ArchitectureTest.OUTBAND.stream().filter(type -> type.isAnnotatedWith(ConfigMapping.class))
                .map(JavaClass::reflect).collect(Collectors.toSet());
        assertEquals(mappings, OutbandSettings.FEATURES.stream().map(SettingsReport.Feature::mapping).collect(Collectors.toSet()));
    }
}
