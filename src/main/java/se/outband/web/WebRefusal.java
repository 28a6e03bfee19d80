package se.outband.web;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** What only the web UI refuses. */
sealed interface WebRefusal extends Refusal {

    String sentence(UiMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(UiMessages.class));
    }

    /** Typing replies for recipients is for practising without phones: never beside real sending. */
    record SimulationOnlyInDryRun() implements WebRefusal, Refusal.Conflict {
        @Override
        public String sentence(UiMessages messages) {
            return messages.simulationOnlyInDryRun();
        }
    }

    /** A browser without a date-time picker lets any text through. */
    record SendAtUnreadable(String value) implements WebRefusal {
        @Override
        public String sentence(UiMessages messages) {
            return messages.sendAtUnreadable(value);
        }
    }
}
