package se.outband.statuspage;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a change to the status page is not made. */
public sealed interface StatusRefusal extends Refusal {

    String sentence(StatusPageMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(StatusPageMessages.class));
    }

    record BodyMissing() implements StatusRefusal {
        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.bodyMissing();
        }
    }

    record NameMissing() implements StatusRefusal {
        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.nameMissing();
        }
    }

    record TitleMissing() implements StatusRefusal {
        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.titleMissing();
        }
    }

    record TextMissing() implements StatusRefusal {
        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.textMissing();
        }
    }

    record SystemStateUnknown(String value) implements StatusRefusal {
        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.systemStateUnknown(value);
        }
    }

    record IncidentStateUnknown(String value) implements StatusRefusal {
        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.incidentStateUnknown(value);
        }
    }

    /** {@code named}: the system was named in a request (400); otherwise it was the address (404). */
    record SystemNotFound(long id, boolean named) implements StatusRefusal {
        @Override
        public Kind kind() {
            return named ? Kind.INVALID : Kind.NOT_FOUND;
        }

        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.systemNotFound(id);
        }
    }

    record IncidentNotFound(long id) implements StatusRefusal, Refusal.NotFound {
        @Override
        public String sentence(StatusPageMessages messages) {
            return messages.incidentNotFound(id);
        }
    }
}
