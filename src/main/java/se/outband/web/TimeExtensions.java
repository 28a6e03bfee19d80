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
}
