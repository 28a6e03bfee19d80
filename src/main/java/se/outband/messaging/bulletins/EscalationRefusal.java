package se.outband.messaging.bulletins;

import java.util.List;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a bulletin's escalation is not stored (and so neither is the bulletin): which step, and what was wrong with it. */
public sealed interface EscalationRefusal extends Refusal {

    String sentence(EscalationMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(EscalationMessages.class));
    }

    record TooManySteps(int count, int max) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.tooManySteps(count, max);
        }
    }

    record WithoutReplyOptions() implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.withoutReplyOptions();
        }
    }

    /** Not a duration, negative, shorter than the shortest or past the time replies are matched. */
    record AfterInvalid(int step, String after) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.afterInvalid(step, after);
        }
    }

    record FewerThanInvalid(int step, int value, int max) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.fewerThanInvalid(step, value, max);
        }
    }

    record OptionUnknown(int step, String option, List<String> options) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.optionUnknown(step, option, String.join(", ", options));
        }
    }

    record NothingToDo(int step) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.nothingToDo(step);
        }
    }

    record UnknownGroups(int step, List<String> names) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.unknownGroups(step, String.join(", ", names));
        }
    }

    record UnknownUsers(int step, List<String> names) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.unknownUsers(step, String.join(", ", names));
        }
    }

    /** A summary by SMS needs a number: a user without one would be told nothing, silently. */
    record UsersWithoutMobile(int step, List<String> names) implements EscalationRefusal {
        @Override
        public String sentence(EscalationMessages messages) {
            return messages.usersWithoutMobile(step, String.join(", ", names));
        }
    }
}
