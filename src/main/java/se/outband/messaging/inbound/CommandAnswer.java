package se.outband.messaging.inbound;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import se.outband.common.Language;

/**
 * What Outband answers a leader's SMS command, with its values; {@link #text} words it, short, since
 * each part costs and is read on a phone. Leaders get Swedish: their commands are Swedish words.
 */
public sealed interface CommandAnswer {

    String text(CommandMessages messages);

    default String text() {
        return text(Language.SV.messages(CommandMessages.class));
    }

    record Help() implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.help();
        }
    }

    record TooMany(int count) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.tooMany(count);
        }
    }

    record UnknownGroups(List<String> unknown, List<String> known) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.unknownGroups(String.join(", ", unknown), String.join(", ", known));
        }
    }

    /** What would be sent, and the code that sends it. */
    record Confirm(List<String> groups, int people, int segments, boolean drill, String code) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.confirm(String.join(", ", groups), people, segments, drill, code);
        }
    }

    /** Who a MÖTE would call together, and the code that calls them. */
    record ConfirmMeeting(List<String> groups, int people, String code) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.confirmMeeting(String.join(", ", groups), people, code);
        }
    }

    record MeetingCalled(long id) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.meetingCalled(id);
        }
    }

    /** Why the bulletin was not accepted, in the same words the web gives. */
    record Refused(String reason) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.refused(reason);
        }
    }

    record NothingPending() implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.nothingPending();
        }
    }

    record WrongCode(int left) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.wrongCode(left);
        }
    }

    record Cancelled() implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.cancelled();
        }
    }

    record Sent(long id, int people) implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.sent(id, people);
        }
    }

    record NoBulletins() implements CommandAnswer {
        @Override
        public String text(CommandMessages messages) {
            return messages.noBulletins();
        }
    }

    /** The newest bulletin: how many it reached, and its answers so far. */
    record Status(long id, Instant at, long reached, int recipients, long pending, long failed, Map<String, Long> answers,
            long noReply) implements CommandAnswer {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d/M HH:mm").withZone(ZoneId.of("Europe/Stockholm"));

        @Override
        public String text(CommandMessages messages) {
            String tally = answers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            return messages.status(id, TIME.format(at), reached, recipients, pending, failed, tally, noReply);
        }
    }
}
