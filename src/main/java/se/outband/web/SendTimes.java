package se.outband.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import se.outband.common.Refused;

/** The send time a leader picks in the form: a local time in Sweden (what a datetime-local field sends). */
final class SendTimes {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private SendTimes() {
    }

    /** Null when none was given: the bulletin goes now. */
    static OffsetDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(SWEDEN).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new Refused(new WebRefusal.SendAtUnreadable(value.strip()));
        }
    }
}
