package se.outband.messaging.bulletins;

import java.util.List;

/** What a call reads to its recipient: the leader's text (twice), whether it is a drill, and the answers the keypad takes. */
public record CallScript(String text, boolean drill, List<String> options) {
}
