package se.outband.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Times in the UI: Swedish local time, as the people in the crisis room read their watches. */
@TemplateExtension
public class TimeExtensions {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Stockholm"));

    static String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant);
    }

    /** A span as people say it at a glance: "42 s", "4 min 27 s", "2 h 5 min"; the same in Swedish and English. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "";
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
