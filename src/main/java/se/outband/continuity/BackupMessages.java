package se.outband.continuity;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the backup API says to administrators, Swedish first (English in messages/backup_en.properties). */
@MessageBundle(value = "backup", locale = "sv")
public interface BackupMessages {

    @Message("Inga säkerhetskopior görs: ingen lösenfras eller publik nyckel är inställd. Sätt OUTBAND_BACKUP_PASSPHRASE eller OUTBAND_BACKUP_PUBLIC_KEY och starta om.")
    String notConfigured();

    @Message("Säkerhetskopian gick inte att göra: {reason}")
    String failed(String reason);

    @Message("Det finns ingen säkerhetskopia med det namnet.")
    String notFound();

    @Message("Säkerhetskopiorna signeras inte: ingen signeringsnyckel är inställd (OUTBAND_BACKUP_SIGNING_KEY).")
    String notSigned();
}
