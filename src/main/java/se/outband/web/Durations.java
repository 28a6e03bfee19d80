package se.outband.web;

import io.quarkus.qute.TemplateExtension;

/** Spans of time in the UI, as {@code span:duration(seconds)}: a namespace, so that a span not known (null) is said too. */
@TemplateExtension(namespace = "span")
public class Durations {

    /** A span as people say it at a glance: "42 s", "4 min 27 s", "2 h 5 min"; the same in Swedish and English. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }
}
