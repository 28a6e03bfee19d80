package se.outband;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import se.outband.access.AccessConfig;
import se.outband.access.BootstrapConfig;
import se.outband.common.DatabaseConfig;
import se.outband.common.OutbandConfig;
import se.outband.common.SettingsReport;
import se.outband.common.SettingsReport.Feature;
import se.outband.contacts.ContactsConfig;
import se.outband.continuity.BackupConfig;
import se.outband.continuity.BackupSettingsCheck;
import se.outband.continuity.RestoreConfig;
import se.outband.messaging.outbox.OutboxConfig;
import se.outband.messaging.providers.email.MailConfig;
import se.outband.messaging.providers.email.MailSettingsCheck;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.sms.SmsSettingsCheck;
import se.outband.messaging.providers.voice.VoiceConfig;
import se.outband.messaging.providers.voice.VoiceSettingsCheck;
import se.outband.statuspage.StatusConfig;
import se.outband.statuspage.StatusSettingsCheck;

/** Outband's settings, feature by feature, and the refusal to start with any of them wrong. */
@ApplicationScoped
public class OutbandSettings {

    /** Every mapping under {@code outband}, in the order the start report lists their problems. */
    public static final List<Feature<?>> FEATURES = List.of(
            Feature.of(SmsConfig.class, SmsSettingsCheck::new),
            Feature.of(MailConfig.class, MailSettingsCheck::new),
            Feature.of(OutbandConfig.class, outband -> problems -> problems.requireWebAddress("outband.public-url", outband.publicUrl(),
                    "it must be the address people reach Outband at, e.g. https://outband.example.org")),
            Feature.of(StatusConfig.class, StatusSettingsCheck::new),
            Feature.of(VoiceConfig.class, VoiceSettingsCheck::new),
            Feature.of(OutboxConfig.class, OutboxConfig.Check::new),
            Feature.of(AccessConfig.class, AccessConfig.Check::new),
            Feature.of(BootstrapConfig.class),
            Feature.of(ContactsConfig.class),
            Feature.of(BackupConfig.class, BackupSettingsCheck::new),
            Feature.of(RestoreConfig.class),
            Feature.of(DatabaseConfig.class));

    /**
     * Before anything else starts. Quarkus has built the mappings by now (had it refused a value,
     * {@link OutbandMain} would be reporting), so the checks run on the mappings themselves, without
     * reading the settings again, and all problems are reported together, in one entry naming the
     * variables to fix.
     */
    void onStart(@Observes @Priority(1) StartupEvent event, SmallRyeConfig config) {
        List<String> problems = SettingsReport.checkProblems(config, FEATURES);
        if (!problems.isEmpty()) {
            // Quarkus prints a configuration exception's message alone: the list, no stack trace.
            throw new ConfigurationException(SettingsReport.text(problems));
        }
    }
}
