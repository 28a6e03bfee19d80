package se.outband.messaging.meetings;

import java.util.List;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a meeting is not called, changed or found. */
public sealed interface MeetingRefusal extends Refusal {

    String sentence(MeetingMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(MeetingMessages.class));
    }

    record UnknownGroups(List<String> names) implements MeetingRefusal {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.unknownGroups(String.join(", ", names));
        }
    }

    record UnknownContacts(List<String> ids) implements MeetingRefusal {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.unknownContacts(String.join(", ", ids));
        }
    }

    record NobodyChosen() implements MeetingRefusal {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.nobodyChosen();
        }
    }

    record TooMany(int people, int max) implements MeetingRefusal {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.tooMany(people, max);
        }
    }

    /** Outband has no number that calls out or takes calls: a meeting has nowhere to happen. */
    record NoNumber() implements MeetingRefusal, Refusal.Conflict {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.noNumber();
        }
    }

    /** Outband cannot call out: only the SMS with the dial-in goes. */
    record NoCalls() implements MeetingRefusal, Refusal.Conflict {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.noCalls();
        }
    }

    record MeetingNotFound(long id) implements MeetingRefusal, Refusal.NotFound {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.meetingNotFound(id);
        }
    }

    record PersonNotFound(long id) implements MeetingRefusal, Refusal.NotFound {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.personNotFound(id);
        }
    }

    record MeetingOver(long id) implements MeetingRefusal, Refusal.Conflict {
        @Override
        public String sentence(MeetingMessages messages) {
            return messages.meetingOver(id);
        }
    }
}
