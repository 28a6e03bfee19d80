package se.outband.messaging.inbound;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a leader's SMS to Outband asks for. The grammar: {@code SKICKA <grupp>[, <grupp>…]: <text>}
 * (or {@code SEND}), {@code MÖTE <grupp>[, <grupp>…]} (or {@code MOTE}, {@code MEETING}), a six-digit confirmation code, {@code STATUS}, {@code HJÄLP} (or {@code HELP});
 * anything else is {@link Other}.
 */
public sealed interface SmsCommand {

    record Send(List<String> groups, String text) implements SmsCommand {
    }

    record Meeting(List<String> groups) implements SmsCommand {
    }

    record Code(String digits) implements SmsCommand {
    }

    record Status() implements SmsCommand {
    }

    record Help() implements SmsCommand {
    }

    record Other() implements SmsCommand {
    }

    Pattern SEND = Pattern.compile("(?is)\\s*(?:skicka|send)\\s+([^:]+):\\s*(.+?)\\s*");
    Pattern MEETING = Pattern.compile("(?isu)\\s*(?:möte|mote|meeting)\\s+(.+?)\\s*");
    Pattern CODE = Pattern.compile("\\s*(\\d{6})\\s*");

    static SmsCommand parse(String body) {
        String text = body == null ? "" : body;
        Matcher send = SEND.matcher(text);
        if (send.matches()) {
            List<String> groups = Arrays.stream(send.group(1).split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
            return new Send(groups, send.group(2));
        }
        Matcher meeting = MEETING.matcher(text);
        if (meeting.matches()) {
            return new Meeting(Arrays.stream(meeting.group(1).split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList());
        }
        Matcher code = CODE.matcher(text);
        if (code.matches()) {
            return new Code(code.group(1));
        }
        String word = text.strip().toUpperCase(Locale.ROOT);
        return switch (word) {
            case "STATUS" -> new Status();
            case "HJÄLP", "HJALP", "HELP" -> new Help();
            default -> new Other();
        };
    }
}
