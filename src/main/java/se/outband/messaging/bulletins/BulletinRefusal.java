package se.outband.messaging.bulletins;

import java.util.List;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a bulletin, or a ready text, is not sent or stored: what was wrong, with its values. */
public sealed interface BulletinRefusal extends Refusal {

    String sentence(MessagingMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(MessagingMessages.class));
    }

    record TextMissing() implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.textMissing();
        }
    }

    /** The text fits, but not with the drill prefix and the reply line added. */
    record MessageTooLong(int length, int max) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.messageTooLong(length, max, length - max);
        }
    }

    record ChannelsUnknown(String value) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.channelsUnknown(value);
        }
    }

    record ReplyOptionInvalid(String option) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.replyOptionInvalid(option);
        }
    }

    /** The status page is public and alerting systems relay it (CAP): an exercise there reads as the real thing. */
    record DrillNotOnStatusPage() implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.drillNotOnStatusPage();
        }
    }

    record AudienceMissing() implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.audienceMissing();
        }
    }

    record UnknownGroups(List<String> names) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.unknownGroups(String.join(", ", names));
        }
    }

    record UnknownContacts(List<String> ids) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.unknownContacts(String.join(", ", ids));
        }
    }

    /** Replies were asked for, but SMS go out from a name nobody can answer. */
    record RepliesImpossible(String sender) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.repliesImpossible(sender);
        }
    }

    record NobodyReachable(int count) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.nobodyReachable(count);
        }
    }

    /** A ready text's [placeholder] is still in the text: a detail only the leader knows. */
    record PlaceholderUnfilled(List<String> placeholders) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.placeholderUnfilled(placeholders.size(), String.join(", ", placeholders));
        }
    }

    record BulletinNotFound(long id) implements BulletinRefusal, Refusal.NotFound {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.bulletinNotFound(id);
        }
    }

    record TemplateInvalid(int maxName, int maxText) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.templateInvalid(maxName, maxText);
        }
    }

    record TemplateNotFound(Long id) implements BulletinRefusal, Refusal.NotFound {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.templateNotFound(id);
        }
    }

    record SendAtPast(java.time.OffsetDateTime at) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.sendAtPast(at.toString());
        }
    }

    record SendAtTooFar(java.time.OffsetDateTime at) implements BulletinRefusal {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.sendAtTooFar(at.toString());
        }
    }

    record PlannedNotFound(long id) implements BulletinRefusal, Refusal.NotFound {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.plannedNotFound(id);
        }
    }

    /** Only a bulletin still waiting for its time can be cancelled. */
    record PlannedNotCancellable(long id, PlannedBulletin.State state) implements BulletinRefusal, Refusal.Conflict {
        @Override
        public String sentence(MessagingMessages messages) {
            return messages.plannedNotCancellable(id, state.name());
        }
    }
}
