package se.outband.continuity;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a backup, a call list or cards are not given. */
public sealed interface ContinuityRefusal extends Refusal {

    record NoBackupSecret() implements ContinuityRefusal, Refusal.Conflict {
        @Override
        public String sentence(Language language) {
            return language.messages(BackupMessages.class).notConfigured();
        }
    }

    /** Taking the backup failed: {@code reason} is said in words, never by the server's paths. */
    record BackupFailed(String reason) implements ContinuityRefusal {
        @Override
        public Kind kind() {
            return Kind.FAILED;
        }

        @Override
        public String sentence(Language language) {
            return language.messages(BackupMessages.class).failed(reason);
        }
    }

    record BackupNotFound() implements ContinuityRefusal, Refusal.NotFound {
        @Override
        public String sentence(Language language) {
            return language.messages(BackupMessages.class).notFound();
        }
    }

    /** No signing key is set, so there is no public half to give. */
    record NotSigned() implements ContinuityRefusal, Refusal.NotFound {
        @Override
        public String sentence(Language language) {
            return language.messages(BackupMessages.class).notSigned();
        }
    }

    /** Nobody in that group or unit: a 404 saying so, not an empty list. */
    record Nobody(String group, String unit) implements ContinuityRefusal, Refusal.NotFound {
        @Override
        public String sentence(Language language) {
            return language.messages(CallListMessages.class).nobody(group, unit);
        }
    }
}
