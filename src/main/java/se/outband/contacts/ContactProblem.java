package se.outband.contacts;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import se.outband.common.Language;
import se.outband.common.Said;
import se.outband.common.SaidInCallerLanguage;

/** What is wrong with, or worth a warning about, one field of one contact or one column of a file. */
@JsonSerialize(using = SaidInCallerLanguage.class)
public sealed interface ContactProblem extends Said {

    String sentence(ContactMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(ContactMessages.class));
    }

    record IdMissing() implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.idMissing();
        }
    }

    record IdInvalid(String value) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.idInvalid(value);
        }
    }

    /** The same id on an earlier row of the file. */
    record IdRepeated(long line) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.idRepeated(line);
        }
    }

    record NameMissing() implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.nameMissing();
        }
    }

    record MobileInvalid(String value) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.mobileInvalid(value);
        }
    }

    /** A valid number that takes no SMS (a landline): a warning. */
    record MobileNotMobile(String value) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.mobileNotMobile(value);
        }
    }

    record NoChannel() implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.noChannel();
        }
    }

    record EmailInvalid(String value) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.emailInvalid(value);
        }
    }

    /** The organisation's own mail, which is down in a crisis: a warning. */
    record EmailInternal(String domain) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.emailInternal(domain);
        }
    }

    record LanguageUnknown(String value) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.languageUnknown(value);
        }
    }

    record TooLong(int max) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.tooLong(max);
        }
    }

    /** A column nobody reads: a warning. */
    record ColumnUnknown(String header) implements ContactProblem {
        @Override
        public String sentence(ContactMessages messages) {
            return messages.columnUnknown(header);
        }
    }
}
