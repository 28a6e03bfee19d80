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
import se.outband.common.HttpConfig;
import se.outband.common.OutbandConfig;
import se.outband.common.SettingsReport;
import se.outband.common.SettingsReport.Feature;
import se.outband.checks.ChecksConfig;
import se.outband.contacts.ContactsConfig;
import se.outband.continuity.BackupConfig;
import se.outband.continuity.BackupSettingsCheck;
import se.outband.continuity.RestoreConfig;
import se.outband.messaging.bulletins.EscalationConfig;
import se.outband.messaging.outbox.OutboxConfig;
import se.outband.messaging.providers.email.MailConfig;
import se.outband.messaging.providers.email.MailSettingsCheck;
import se.outband.messaging.providers.sms.SmsConfig;
import se.outband.messaging.providers.sms.SmsSettingsCheck;
import se.outband.messaging.providers.voice.VoiceConfig;
import se.outband.privacy.RetentionConfig;
import se.outband.statuspage.StatusConfig;
import se.outband.subscriptions.SubscriptionsConfig;
import se.outband.web.WebConfig;

/** Outband's settings, feature by feature, and the refusal to start with any of them wrong. */
@ApplicationScoped
public class OutbandSettings {

    /** Every mapping under {@code outband}, in the order the start report lists their problems. */
    public static final List<Feature<?>> FEATURES = List.of(
            Feature.of(SmsConfig.class, SmsSettingsCheck::new),
            Feature.of(MailConfig.class, MailSettingsCheck::new),
            Feature.of(OutbandConfig.class),
            Feature.of(StatusConfig.class),
            Feature.of(VoiceConfig.class),
            Feature.of(OutboxConfig.class),
            Feature.of(AccessConfig.class),
            Feature.of(BootstrapConfig.class),
            Feature.of(ContactsConfig.class),
            Feature.of(ChecksConfig.class),
            Feature.of(RetentionConfig.class),
            Feature.of(BackupConfig.class, BackupSettingsCheck::new),
            Feature.of(RestoreConfig.class),
            Feature.of(DatabaseConfig.class),
            Feature.of(HttpConfig.class),
            Feature.of(WebConfig.class),
            Feature.of(EscalationConfig.class),
            Feature.of(SubscriptionsConfig.class));

    /**
     * Before anything else starts. Quarkus has built and validated the mappings by now (had it refused
     * one, {@link OutbandMain} would be reporting), so what is left to find is keys that disagree: checked
     * on the mappings themselves, without reading the settings again (that costs about 0.2 s), and
     * reported the same way, all problems in one entry naming the variables to fix.
     */
    void onStart(@Observes @Priority(1) StartupEvent event, SmallRyeConfig config) {
        List<String> problems = SettingsReport.crossKeyProblems(config, FEATURES);
        if (!problems.isEmpty()) {
            // Quarkus prints a configuration exception's message alone: the list, no stack trace.
            throw new ConfigurationException(SettingsReport.text(problems));
        }
    }
}
