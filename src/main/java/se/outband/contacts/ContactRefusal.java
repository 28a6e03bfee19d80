package se.outband.contacts;

import java.util.List;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why contacts are not changed, and an import changes nothing. */
public sealed interface ContactRefusal extends Refusal {

    String sentence(ContactMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(ContactMessages.class));
    }

    record BodyMissing() implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.bodyMissing();
        }
    }

    record ModeUnknown(String mode) implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.modeUnknown(mode);
        }
    }

    record FileTooLarge(long megabytes) implements ContactRefusal {
        @Override
        public Kind kind() {
            return Kind.TOO_LARGE;
        }

        @Override
        public String sentence(ContactMessages messages) {
            return messages.fileTooLarge(megabytes);
        }
    }

    record FileEmpty() implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.fileEmpty();
        }
    }

    record FileNotText() implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.fileNotText();
        }
    }

    /** An unclosed quote: nothing after this line can be read. */
    record FileMalformed(long line) implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.fileMalformed(line);
        }
    }

    /** Required columns not in the header row ({@code missing}, by their API names), and the headers that were. */
    record ColumnMissing(List<String> missing, List<String> found) implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.columnMissing(missing.size(), String.join(", ", missing.stream().map(messages::columnName).toList()),
                    found.isEmpty() ? messages.noHeaders() : String.join(", ", found.stream().map(h -> "\u201d" + h + "\u201d").toList()));
        }
    }

    record ChannelColumnsMissing() implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.channelColumnsMissing();
        }
    }

    record ImportRunning() implements ContactRefusal, Refusal.Conflict {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.importRunning();
        }
    }

    record ContactExists(String id) implements ContactRefusal, Refusal.Conflict {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.contactExists(id);
        }
    }

    record ContactNotFound(String id) implements ContactRefusal, Refusal.NotFound {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.contactNotFound(id);
        }
    }

    record IdMismatch(String pathId, String bodyId) implements ContactRefusal {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.idMismatch(pathId, bodyId);
        }
    }

    /** A replacing import with rejected rows changes nothing; the report says which rows. */
    record ReplaceRejected(int rows, ImportReport report) implements ContactRefusal, Refusal.Conflict {
        @Override
        public Object details() {
            return report;
        }

        @Override
        public String sentence(ContactMessages messages) {
            return messages.replaceRejected(rows);
        }
    }

    /** The contact's fields that are wrong, each with why. */
    record ContactInvalid(List<ContactService.FieldError> errors) implements ContactRefusal {
        @Override
        public Object details() {
            return errors;
        }

        @Override
        public String sentence(ContactMessages messages) {
            return messages.contactInvalid();
        }
    }
}
