package se.outband.checks;

import java.util.List;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a contact check is not started or not found. */
public sealed interface CheckRefusal extends Refusal {

    String sentence(CheckMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(CheckMessages.class));
    }

    record DeadlineMissing() implements CheckRefusal {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.deadlineMissing();
        }
    }

    record DeadlinePassed(String deadline) implements CheckRefusal {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.deadlinePassed(deadline);
        }
    }

    record DeadlineTooFar(String deadline) implements CheckRefusal {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.deadlineTooFar(deadline);
        }
    }

    record UnknownGroups(List<String> names) implements CheckRefusal {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.unknownGroups(String.join(", ", names));
        }
    }

    record UnknownUnits(List<String> names) implements CheckRefusal {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.unknownUnits(String.join(", ", names));
        }
    }

    record NobodyChosen() implements CheckRefusal {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.nobodyChosen();
        }
    }

    record CheckNotFound(long id) implements CheckRefusal, Refusal.NotFound {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.checkNotFound(id);
        }
    }

    record CheckOver() implements CheckRefusal, Refusal.Conflict {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.checkOver();
        }
    }

    record RemindedRecently(String at) implements CheckRefusal, Refusal.Conflict {
        @Override
        public String sentence(CheckMessages messages) {
            return messages.remindedRecently(at);
        }
    }
}
